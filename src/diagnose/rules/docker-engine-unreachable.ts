import type { Rule } from '../types.js';

/*
 * A client could not reach the container engine at all: the daemon is not running or its socket or pipe is not there.
 * The Docker CLI says so on Linux (`Cannot connect to the Docker daemon at unix:///var/run/docker.sock`) and on
 * Windows (`error during connect: … open //./pipe/docker_engine: The system cannot find the file specified`, `this
 * error may indicate that the docker daemon is not running`); the ECS agent and other Go clients dial the socket
 * (`dial unix /var/run/docker.sock: connect: no such file or directory`); docker-py fails fetching the API version;
 * Podman, Testcontainers and Colima have their own words. Nothing in the stack is wrong: the engine on that machine is
 * down, so the fix is to start it, whichever tool noticed first.
 */
const rule: Rule = {
  id: 'docker-engine-unreachable',
  category: 'other',
  match: [
    {
      re: /(?<what>Cannot connect to the Docker daemon|Unable to connect to docker daemon|this error may indicate that the docker daemon is not running|error during connect:[^\n]*?(?:\/\/\.\/pipe\/docker|npipe:)[^\n]*|open \/\/\.\/pipe\/docker[\w-]*: The system cannot find the file specified|dial unix [^\s:]*(?:docker|containerd)[\w.-]*\.sock: (?:connect: )?(?:no such file or directory|connection refused)|Error while fetching server API version: \('Connection aborted\.'|Cannot connect to Podman|Could not find a valid Docker environment|colima is not running)/i,
    },
  ],
  cause:
    'The container engine on the machine was not reachable when {service} was deployed ({what}): it was not running.',
  fix: 'Start the Docker daemon (or Docker Desktop, Podman machine, Colima) on that machine and check the client points at its socket (DOCKER_HOST, the Docker context), then deploy again.',
  confidence: 0.5,
  examples: {
    match: [
      [
        [
          'log',
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        ],
      ],
      [
        [
          'log',
          '2017-02-01T03:22:14Z [ERROR] dial unix /var/run/docker.sock: connect: no such file or directory',
        ],
      ],
      [
        [
          'log',
          '[ERROR] Unable to connect to docker daemon . Ensure docker is running module="TaskEngine" err="dial unix /var/run/docker.sock: connection refused"',
        ],
      ],
      [
        [
          'healthOutput',
          'docker: error during connect: this error may indicate that the docker daemon is not running: Head "http://%2F%2F.%2Fpipe%2Fdocker_engine/_ping": open //./pipe/docker_engine: The system cannot find the file specified.',
        ],
      ],
      [
        [
          'log',
          'error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.45/containers/json": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.',
        ],
      ],
      [
        [
          'log',
          "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))",
        ],
      ],
      [
        [
          'log',
          'Error: Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM',
        ],
      ],
      [
        [
          'log',
          'java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Error response from daemon: driver failed programming external connectivity on endpoint web',
        ],
      ],
      [['log', 'dial unix /var/run/app.sock: connect: no such file or directory']],
      [['log', 'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: i/o timeout']],
    ],
  },
};
export default rule;
