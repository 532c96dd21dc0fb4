import type { Rule } from '../types.js';

/*
 * The health check speaks plain HTTP to a server that only speaks TLS, or the reverse, so every probe fails although
 * the app is up. Each side says so in its own words: Go's `client sent an HTTP request to an HTTPS server` and
 * `server gave HTTP response to HTTPS client`, nginx's `plain HTTP request was sent to HTTPS port`, OpenSSL's `wrong
 * version number` / `http request`, Java's `Unrecognized SSL message, plaintext connection?`, Tomcat reading a TLS
 * hello as a method name (`0x160x03`), wget's `Unable to establish SSL connection`. Only with a health check in the
 * evidence: a client of the app with the wrong scheme is the client's setting.
 */
const rule: Rule = {
  id: 'health-scheme-mismatch',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput', 'localField'],
      re: /(?<what>client sent an HTTP request to an HTTPS server|server gave HTTP response to HTTPS client|plain HTTP request was sent to HTTPS port|\[SSL: (?:WRONG_VERSION_NUMBER|HTTP_REQUEST)\][^\n]{0,40}|SSL routines:[^\n]{0,60}(?:wrong version number|http request)|Unrecognized SSL message, plaintext connection\?|Invalid character found in method name \[0x160x03|Unable to establish SSL connection|SSL_ERROR_RX_RECORD_TOO_LONG)/i,
    },
    {
      in: [
        'healthStatus',
        'healthCheck',
        'healthOutput',
        'localField',
        'stoppedReason',
        'serviceEvent',
        'targetHealth',
      ],
      re: /^unhealthy$|health|probe/i,
    },
  ],
  cause:
    "{service}'s health check and its server disagree on the scheme ({what}): one speaks plain HTTP, the other TLS, so every probe fails although the app is up.",
  fix: 'Make the health check use the scheme the server serves (https:// with `curl -k` or `wget --no-check-certificate` for a self-signed certificate, or http:// to a plain port), or point it at a plain-HTTP health port.',
  confidence: 0.75,
  beats: [
    'local-unhealthy',
    'container-health-failed',
    'health-tool-unverified',
    'host-not-allowed',
    'elb-health-failed',
  ],
  examples: {
    match: [
      [
        ['healthStatus', 'unhealthy'],
        ['log', 'http: TLS handshake error from [::1]:36152: client sent an HTTP request to an HTTPS server'],
      ],
      [
        ['healthStatus', 'unhealthy'],
        ['log', 'SSL handshake failed: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:841)'],
      ],
      [
        ['healthCheck', '["CMD-SHELL","curl -f https://localhost:8080/health || exit 1"]'],
        ['healthOutput', 'curl: (35) error:0A00010B:SSL routines::wrong version number'],
      ],
    ],
    noMatch: [
      [['log', 'SMTP: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)']],
      [
        ['healthStatus', 'unhealthy'],
        ['log', 'TLS handshake error from 10.0.0.4:5123: EOF'],
      ],
    ],
  },
};
export default rule;
