import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'pull-manifest-not-found',
  category: 'image-pull',
  match: [
    {
      // The registry's own phrasings (`manifest unknown`, `manifest for X not found`, `API error (404)`) need no prefix.
      // So does a repository missing altogether, in ECR's words (`RepositoryNotFoundException`, `The repository with name
      // 'x' does not exist in the registry`, whether a pull, a push or the API says it) and the registry API's NAME_UNKNOWN.
      re: /(?:(?:CannotPullContainerError|pull image manifest|failed to resolve ref|Error response from daemon|Failed to pull image|Error while pulling)[^\n]*?|\b(?=manifest unknown|manifest for \S+ not found|API error \(404\)))(?:manifest for (?<ref>\S+) not found|failed to resolve ref(?:erence)? "?(?<ref2>[^\s"]+?)"?:?(?:\s|$)[^\n]*?\bnot found|Tag (?<tag>\S+) not found in repository (?<repo>\S+)|image (?<ref3>\S+) not found|repository (?<ref4>\S+) not found|manifest unknown|API error \(404\)(?:[^\n]*?repository (?<ref5>\S+) not found)?)|The repository with name '(?<ref6>[^']+)' does not exist in the registry|\bRepositoryNotFoundException\b|\bname[ _]unknown: repository name not known to registry/i,
      // Timeouts and platform gaps also end in "not found"-like text but are fixed elsewhere.
      // An old Docker API's 404 for the container's own command (`oci runtime error … exec: …: no such file`) is not the
      // registry's.
      not: /i\/o timeout|context deadline exceeded|no match(?:ing manifest)? for platform|descriptor matching platform|toomanyrequests|oci runtime error|starting container process/i,
    },
  ],
  cause:
    'The image {ref,ref2,ref3,ref4,ref5,ref6,repo|named in the task definition} is not in its registry: the tag, digest or repository name is wrong, or it was never pushed.',
  fix: 'Check the image reference in the task definition exists (`docker manifest inspect <image>` or `aws ecr describe-images`); push that tag (creating the repository first if the registry has none by that name) or correct the name, including the registry host for private registries such as ECR. If a mutable tag was overwritten, redeploy so the service resolves the current digest.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'serviceEvent',
          'Failed to pull image "acme/api:v9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/api:v9": failed to resolve reference "docker.io/acme/api:v9": docker.io/acme/api:v9: not found',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: Error response from daemon: manifest for nginx:0f6b3cdf not found',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/foo:latest: not found',
        ],
      ],
      [
        [
          'containerReason',
          'CannotPullContainerError: API error (404): repository serverless-batch not found: does not exist or no pull access',
        ],
      ],
      [
        [
          'log',
          "failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.0: name unknown: The repository with name 'api' does not exist in the registry with id '123456789012'",
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'API error (404): oci runtime error: container_linux.go:247: starting container process caused "exec: \\"backup -addr=x\\": stat backup -addr=x: no such file or directory"',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref quay.io/x/y:latest: failed to do request: Head "https://quay.io/v2/x/y/manifests/latest": dial tcp 3.210.148.47:443: i/o timeout',
        ],
      ],
    ],
  },
};
export default rule;
