import type { Rule } from '../types.js';

/*
 * The server may not bind its port: below 1024 as a non-root user (nginx-unprivileged, distroless `nonroot`, a USER
 * line), in every runtime's words: Node `listen EACCES`, Go `bind: permission denied`, nginx `(13: Permission
 * denied)`, Python `[Errno 13] Permission denied` at bind, Java `BindException: Permission denied`.
 */
const rule: Rule = {
  id: 'privileged-port-denied',
  category: 'port-binding',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /listen EACCES:?[^\n]*?:(?<port>\d+)|bind(?:\(\))? to [\d.:[\]]+:(?<port2>\d+) failed \(13: Permission denied\)|listen tcp [\d.:[\]]*:(?<port3>\d+): bind: permission denied|BindException: Permission denied|(?:bind|listen)[^\n]{0,40}\[Errno 13\] Permission denied|Can't create server socket[^\n]*Permission denied|\(13\)Permission denied: AH00072: make_sock: could not bind to address [^\n]*?:(?<port4>\d+)|Permission denied - bind\(2\)[^\n]*?port (?<port5>\d+)|Failed to bind to address [^\n]*?:(?<port6>\d+)[^\n]*?[Pp]ermission denied|SocketException \(13\): Permission denied/i,
    },
  ],
  cause:
    '{service} was not allowed to bind port {port,port2,port3,port4,port5,port6|its port}: a non-root process may not bind ports below 1024.',
  fix: 'Listen on a port above 1024 (e.g. 8080) and map it in the port mappings and target group, or run the process with the capability to bind low ports (`NET_BIND_SERVICE`) where the platform allows.',
  confidence: 0.85,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: listen EACCES: permission denied 0.0.0.0:80']],
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)']],
      [['log', 'listen tcp :443: bind: permission denied']],
      [['log', '(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80']],
      [['log', 'Errno::EACCES: Permission denied - bind(2) for "0.0.0.0" port 80']],
    ],
    noMatch: [[['log', 'Error: EACCES: permission denied, open /app/data/cache.json']]],
  },
};
export default rule;
