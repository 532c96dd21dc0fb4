import type { Rule } from '../types.js';

/*
 * The image reference itself does not parse, so no registry was even asked: Docker's and containerd's `invalid
 * reference format` (upper case, a stray space or colon, an empty variable in the tag), the kubelet's
 * `InvalidImageName`, podman's short name that no registry alias resolves, containerd's `failed to normalize image
 * reference` (as Fargate reports it, e.g. for a URI written with an `http://` scheme). The fix is the image name in the
 * definition.
 */
const rule: Rule = {
  id: 'image-reference-invalid',
  category: 'image-pull',
  match: [
    {
      re: /(?<what>invalid reference format(?:: repository name must be lowercase)?|\bInvalidImageName\b|couldn't parse image reference "[^"]*"|failed to normalize image reference "[^"]*"|short-name "[^"]+" did not resolve to an alias|invalid image name|repository name must (?:be lowercase|have at least one component))/i,
    },
  ],
  cause: "{service}'s image reference is not a valid image name ({what}), so it could not be pulled at all.",
  fix: 'Correct the image name in the definition: lower-case repository, `registry/repository:tag` with no spaces or empty parts (check that variables in it, such as the tag, are set), and a fully qualified name (`docker.io/library/nginx`) where the runtime has no default registry.',
  confidence: 0.85,
  examples: {
    match: [
      [['log', 'docker: invalid reference format: repository name must be lowercase.']],
      [['serviceEvent', 'Error: InvalidImageName']],
      [
        [
          'stoppedReason',
          'CannotPullContainerError: failed to normalize image reference "https://1.dkr.ecr.us-east-1.amazonaws.com/web:1"',
        ],
      ],
      [
        [
          'log',
          'Error: short-name "api" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"',
        ],
      ],
    ],
    noMatch: [[['log', 'pulled image acme/api:1.2 (digest sha256:ab12)']]],
  },
};
export default rule;
