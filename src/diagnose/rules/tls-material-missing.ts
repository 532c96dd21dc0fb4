import type { Rule } from '../types.js';

/*
 * A server configured for TLS could not load its certificate or key: nginx's `cannot load certificate "…"` /
 * `BIO_new_file("…") failed` or `no "ssl_certificate" is defined`, Kestrel's `Unable to configure HTTPS endpoint. No server certificate was specified`,
 * Postgres' `could not load server certificate file`, HAProxy's `unable to load SSL certificate from PEM file`, Go's
 * `tls: failed to find any PEM data`, Spring's `Could not load store from`, a runtime's `open …/tls.crt: no such file
 * or directory`. The certificate was not mounted, was named otherwise, or an HTTPS endpoint was asked for without one:
 * the service's configuration (volumes, file names, ASPNETCORE_URLS), not its code.
 */
const rule: Rule = {
  id: 'tls-material-missing',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>cannot load certificate(?: key)? "[^"\n]+"|BIO_new_file\("[^"\n]+"\) failed|Unable to configure HTTPS endpoint\. No server certificate was specified|no "ssl_certificate" is defined for the "listen \.\.\. ssl" directive|could not load (?:server certificate|private key) file "[^"\n]+"|unable to load SSL (?:certificate|private key) from PEM file '[^'\n]+'|tls: failed to find any PEM data in (?:certificate|key) input|Could not load (?:key )?store from '[^'\n]+'|\bopen [^\s:'"]+\.(?:pem|crt|cert|key|p12|pfx|jks): no such file or directory|ENOENT: no such file or directory, open '[^'\n]+\.(?:pem|crt|cert|key|p12|pfx)')/,
    },
  ],
  cause: '{service} is configured for TLS but could not load its certificate or key: {what}.',
  fix: 'Mount the certificate and key where the configuration says (check the file names and the volume), or point the configuration at where they are; for an HTTPS endpoint with no certificate, give it one or serve plain HTTP behind the load balancer.',
  confidence: 0.8,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'local-unhealthy',
    'config-file-invalid',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'nginx: [emerg] cannot load certificate "/etc/nginx/ssl/site.crt": BIO_new_file() failed (SSL: error:02001002:system library:fopen:No such file or directory)',
        ],
      ],
      [
        [
          'log',
          'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
        ],
      ],
      [
        [
          'log',
          'nginx: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in /etc/nginx/conf.d/default.conf:3',
        ],
      ],
      [['log', 'FATAL:  could not load server certificate file "server.crt": No such file or directory']],
      [
        [
          'log',
          "[ALERT] (1) : config : parsing [/etc/haproxy/haproxy.cfg:12] : 'bind *:443' : unable to load SSL certificate from PEM file '/certs/site.pem'.",
        ],
      ],
      [['log', 'level=fatal msg="open /certs/tls.crt: no such file or directory"']],
      [['log', "Error: ENOENT: no such file or directory, open '/app/certs/key.pem'"]],
      [['log', "java.lang.IllegalStateException: Could not load store from 'classpath:keystore.p12'"]],
    ],
    noMatch: [
      [['log', 'curl: (60) SSL certificate problem: self-signed certificate']],
      [['log', 'Loaded certificate /etc/nginx/ssl/site.crt']],
    ],
  },
};
export default rule;
