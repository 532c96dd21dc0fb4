import type { Rule } from '../types.js';

/*
 * A hosting platform names the port it routes to and says the app never opened it: Heroku's R10 `failed to bind to
 * $PORT`, Cloud Run's `failed to start and listen on the port defined by the PORT … environment variable`, Azure
 * Container Apps' `TargetPort … does not match the listening port`, Render's `no open ports detected` and `failed to
 * detect open port`, Fly's `is your app listening on 0.0.0.0:…`, App Runner's TCP health check failing on the
 * configured port, Railway's `Application failed to respond`, Azure App Service's `didn't respond to HTTP pings on
 * port`, Cloud Foundry's port health check `Failed to make TCP connection to port` (a refusal, but the platform's own
 * probe of the port it gave the app, so it outranks `connection-refused`). The app listens elsewhere (another port, or
 * loopback), or never reads PORT.
 */
const rule: Rule = {
  id: 'platform-port-not-listening',
  category: 'port-binding',
  match: [
    {
      re: /(?<what>failed to bind to \$?PORT|failed to start and listen on the port|TargetPort (?<port>\d+) does not match (?:the|any of the) listening ports?|[Nn]o open ports detected|is your app listening on 0\.0\.0\.0:\d+|not listening on the expected (?:address|port)|Health check failed on protocol [`']?TCP[`']? ?\[Port: '?\d+'?\]|Application failed to respond|didn't respond to HTTP pings on port: ?(?<port2>\d+)|failed to detect open port (?<port3>\d+)|Failed to make TCP connection to port (?<port4>\d+))/,
    },
  ],
  cause:
    'The platform routes traffic for {service} to a port {service} never opened ({what}): the app listens on another port or on loopback only, or ignores the port it is given.',
  fix: 'Make the app listen on 0.0.0.0 at the port the platform routes to (read PORT from the environment where the platform sets it), or change the target port to the one the app opens.',
  confidence: 0.75,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'local-unhealthy',
    'connection-refused',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
        ],
      ],
      [
        [
          'serviceEvent',
          'The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.',
        ],
      ],
      [['serviceEvent', 'The TargetPort 80 does not match the listening port 3000.']],
      [['log', '==> No open ports detected, continuing to scan...']],
      [['log', "Container web_0_1a2b didn't respond to HTTP pings on port: 80, failing site start."]],
      [['log', '[HEALTH/0] ERR Failed to make TCP connection to port 8080: connection refused']],
    ],
    noMatch: [[['log', 'Listening on 0.0.0.0:8080']]],
  },
};
export default rule;
