import type { Rule } from '../types.js';

/*
 * The server may not bind its port: below 1024 as a non-root user (nginx-unprivileged, distroless `nonroot`, a USER
 * line), in every runtime's words: Node `listen EACCES`, Go `bind: permission denied`, nginx `(13: Permission
 * denied)`, Python `[Errno 13] Permission denied` at bind, Java `BindException: Permission denied`, Uvicorn's `[Errno 13]
 * error while attempting to bind on address`, PHP's built-in server `Failed to listen on … (reason: Permission denied)`,
 * HAProxy's `cannot bind socket (Permission denied)`; and the same limit one level up, a rootless Docker or Podman
 * that may not publish a host port below 1024 (`cannot expose privileged port 80`).
 */
const rule: Rule = {
  id: 'privileged-port-denied',
  category: 'port-binding',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /listen EACCES:?[^\n]*?:(?<port>\d+)|bind(?:\(\))? to [\d.:[\]]+:(?<port2>\d+) failed \(13: Permission denied\)|listen tcp [\d.:[\]]*:(?<port3>\d+): bind: permission denied|BindException: Permission denied|(?:bind|listen)[^\n]{0,40}\[Errno 13\] Permission denied|Can't create server socket[^\n]*Permission denied|\(13\)Permission denied: AH00072: make_sock: could not bind to address [^\n]*?:(?<port4>\d+)|Permission denied - bind\(2\)[^\n]*?port (?<port5>\d+)|Failed to bind to address [^\n]*?:(?<port6>\d+)[^\n]*?[Pp]ermission denied|SocketException \(13\): Permission denied|cannot expose privileged port (?<port7>\d+)|\[Errno 13\] error while attempting to bind on address \([^)]*?(?<port8>\d+)\)|Failed to listen on [^\n]*?:(?<port9>\d+) \(reason: Permission denied\)|cannot bind socket \(Permission denied\) \[[^\]]*?:(?<port10>\d+)\]/i,
    },
  ],
  cause:
    '{service} was not allowed to bind port {port,port2,port3,port4,port5,port6,port7,port8,port9,port10|its port}: a non-root process may not bind ports below 1024.',
  fix: 'Listen on a port above 1024 (e.g. 8080) and map it in the port mappings and target group, or run the process with the capability to bind low ports (`NET_BIND_SERVICE`) where the platform allows; under rootless Docker or Podman publish a host port above 1024 (or lower `net.ipv4.ip_unprivileged_port_start`).',
  confidence: 0.85,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: listen EACCES: permission denied 0.0.0.0:80']],
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)']],
      [['log', 'listen tcp :443: bind: permission denied']],
      [['log', '(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80']],
      [['log', 'Errno::EACCES: Permission denied - bind(2) for "0.0.0.0" port 80']],
      [
        [
          'log',
          "Error: rootlessport cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024)",
        ],
      ],
      [
        [
          'log',
          "ERROR:    [Errno 13] error while attempting to bind on address ('0.0.0.0', 80): permission denied",
        ],
      ],
      [['log', '[Sat Dec  5 10:00:00 2026] Failed to listen on 0.0.0.0:80 (reason: Permission denied)']],
      [
        [
          'log',
          '[ALERT]    (1) : Starting frontend http-in: cannot bind socket (Permission denied) [0.0.0.0:80]',
        ],
      ],
    ],
    noMatch: [[['log', 'Error: EACCES: permission denied, open /app/data/cache.json']]],
  },
};
export default rule;
