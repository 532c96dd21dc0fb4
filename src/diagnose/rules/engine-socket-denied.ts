import type { Rule } from '../types.js';

/*
 * The container engine is running, but the process that uses its socket may not open it: a container given
 * /var/run/docker.sock (a CI runner, Traefik, Portainer, a Jenkins agent) whose user is not in the socket's group (the
 * host's docker GID differs from the image's), an SELinux host that denies container_t the socket, or a host user
 * outside the docker group. Unlike `docker-engine-unreachable` nothing is down; the fix is the socket's group or label
 * in the container's settings, so config-env. The Docker CLI's `Got permission denied while trying to connect to the
 * Docker daemon socket`, Go clients' `dial unix …docker.sock: connect: permission denied`, docker-py's
 * `PermissionError(13, 'Permission denied')` fetching the API version, Podman's socket the same way.
 */
const rule: Rule = {
  id: 'engine-socket-denied',
  category: 'config-env',
  match: [
    {
      re: /(?<what>Got permission denied while trying to connect to the Docker daemon socket|dial unix [^\s:]*(?:docker|podman|containerd)[\w.-]*\.sock: connect: permission denied|Error while fetching server API version: \('Connection aborted\.', PermissionError\(13)/i,
    },
  ],
  cause:
    "{service} may not open the container engine's socket ({what}): the engine runs, but the user or SELinux label the client runs as is not allowed on the socket.",
  fix: "Give the client access to the socket: run the container with the host's docker group (`group_add` / `--group-add` with the socket's GID) or add the host user to the docker group; on SELinux hosts run the container with `--security-opt label=disable` (or a policy allowing container_t to connect); or talk to the engine over a socket proxy.",
  confidence: 0.8,
  beats: [
    'docker-engine-unreachable',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.45/containers/json": dial unix /var/run/docker.sock: connect: permission denied',
        ],
      ],
      [
        [
          'log',
          "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))",
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        ],
      ],
      [['log', 'dial unix /var/run/docker.sock: connect: no such file or directory']],
    ],
  },
};
export default rule;
