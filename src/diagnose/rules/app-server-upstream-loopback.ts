import type { Rule } from '../types.js';

/*
 * A web server sending an app-server protocol (FastCGI to PHP-FPM, uwsgi, SCGI) to its own loopback and being refused.
 * In a container setup the app server is normally its own container (a `php` or `app` service), so `fastcgi_pass
 * 127.0.0.1:9000` or `uwsgi_pass localhost:3031` points the web server at itself: the proxy's setting names the wrong
 * host. The same refusal at the app server's container address is the app server listening on its own loopback
 * instead (port-binding, proxy-upstream-refused). When the capture shows the app server run by a supervisor in the
 * web server's own container (supervisord, s6), loopback is right and the app server is not listening there.
 */
const rule: Rule = {
  id: 'app-server-upstream-loopback',
  category: 'config-env',
  match: [
    {
      in: ['log'],
      re: /[Cc]onnection refused\)? while connecting to upstream[^\n]*?upstream: "(?<upstream>(?:fastcgi|uwsgi|scgi):\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+)/,
    },
  ],
  against: [
    {
      re: /\bsupervisord\b|entered RUNNING state|spawned: '(?:php-fpm|php\d[\w.-]*|uwsgi)|\[services\.d\]|s6-rc:|s6-supervise/,
    },
  ],
  cause:
    'The web server in front of {service} passes requests to {upstream}, its own container, and is refused: the app server (PHP-FPM, uWSGI) runs in another container, so the proxy’s upstream host is wrong.',
  fix: 'Point the proxy at the app server’s service name (e.g. `fastcgi_pass php:9000;`, `uwsgi_pass app:3031;`) instead of 127.0.0.1 or localhost.',
  confidence: 0.65,
  beats: ['proxy-upstream-refused', 'connection-refused'],
  examples: {
    match: [
      [
        [
          'log',
          '2024/01/02 10:00:00 [error] 29#29: *6 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: localhost, request: "GET / HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "localhost:8080"',
        ],
      ],
      [
        [
          'log',
          '[error] 7#7: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.2, server: _, request: "GET / HTTP/1.1", upstream: "uwsgi://127.0.0.1:3031", host: "example.org"',
        ],
      ],
    ],
    noMatch: [
      // At the app server's container address: it listens on its own loopback (port-binding).
      [
        [
          'log',
          '[error] 6#0: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 172.19.0.1, upstream: "fastcgi://172.19.0.3:9000"',
        ],
      ],
      // Plain HTTP at loopback: often one image running both (the app's own listen port decides).
      [
        [
          'log',
          '[error] 210#210: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.16.2.11, upstream: "http://127.0.0.1:8080/"',
        ],
      ],
    ],
  },
};
export default rule;
