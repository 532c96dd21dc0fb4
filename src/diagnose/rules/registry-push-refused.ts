import type { Rule } from '../types.js';

/*
 * A registry refusing a push with "forbidden" means the pushing identity is known but may not write there: the fix is
 * its permissions (ECR's ecr:PutImage and the layer-upload actions, a workflow token's packages: write, Artifact
 * Registry's uploadArtifacts), not the image. Docker prints a push's errors bare, while a pull's come through the
 * daemon's `Error response from daemon:`, so a bare `error parsing HTTP 403 response body` is a push. A 401, or Docker
 * Hub's `requested access to the resource is denied` (also a missing login or a tag outside one's namespace), is left
 * to other rules.
 */
const rule: Rule = {
  id: 'registry-push-refused',
  category: 'secrets-iam',
  match: [
    {
      in: ['log', 'localField', 'stackEvent'],
      re: /(?<what>^(?:[^\n]*?\s)?error parsing HTTP 403 response body|failed to push \S+: [^\n]*?\b403 Forbidden|initiating layer upload to \S+ in \S+: [^\n]*?\b403\b|checking push permission for [^\n]*?(?:\b403\b|\bDENIED\b)|denied: permission_denied: write_package|installation not allowed to Write organization package|Permission ['"]?artifactregistry\.repositories\.uploadArtifacts['"]? denied)/,
      not: /Error response from daemon|\bpull(?:ing)? (?:image|access|and unpack|fs layer|from)\b|failed to pull|CannotPullContainer/i,
    },
  ],
  cause:
    "The registry refused {service}'s image push as forbidden ({what}): the pushing identity may not write to it.",
  fix: "Grant the identity that pushes write access to the repository (ECR: ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:BatchCheckLayerAvailability and ecr:PutImage, and a repository policy that allows it; GitHub: `permissions: packages: write` for the workflow token or the package's access settings; Artifact Registry: roles/artifactregistry.writer).",
  confidence: 0.8,
  beats: ['pull-access-denied', 'pull-failed-no-cause', 'registry-server-error'],
  examples: {
    match: [
      [
        ['log', '5f70bf18a086: Waiting'],
        ['log', 'error parsing HTTP 403 response body: unexpected end of JSON input: ""'],
      ],
      [
        [
          'log',
          'ERROR: failed to solve: failed to push ghcr.io/acme/api:1.2.0: denied: permission_denied: write_package',
        ],
      ],
      [
        [
          'log',
          'denied: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme/locations/us/repositories/apps" (or it may not exist)',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Error response from daemon: error parsing HTTP 403 response body: unexpected end of JSON input: ""',
        ],
      ],
      [['log', 'denied: requested access to the resource is denied']],
      [
        [
          'log',
          'failed to pull and unpack image "1.dkr.ecr.us-east-1.amazonaws.com/app:1": error parsing HTTP 403 response body: unexpected end of JSON input: ""',
        ],
      ],
      [
        [
          'log',
          'failed to push 1.dkr.ecr.us-east-1.amazonaws.com/app:1: unexpected status from POST request to https://1.dkr.ecr.us-east-1.amazonaws.com/v2/app/blobs/uploads/: 404 Not Found',
        ],
      ],
    ],
  },
};
export default rule;
