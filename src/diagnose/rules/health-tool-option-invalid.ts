import type { Rule } from '../types.js';

/*
 * The health check's own tool rejects one of its options, so every probe fails before it asks anything, while the
 * service itself works: getopt's `invalid option -- '0'` (GNU wget's `-q0` for `-qO`, pg_isready), BusyBox's
 * `unrecognized option: z` (nc, wget), curl's `option --fail-with-body: is unknown` (an image's curl older than the
 * flag), redis-cli's `Unrecognized option or bad number of args`. Read only on a check tool's own line (in a log or
 * the health output) and only with the container shown unhealthy; the same refusal from the service's own command is
 * command-argument-unknown.
 */
const TOOL = String.raw`(?:wget|curl|nc|ncat|netcat|pg_isready|redis-cli|mysqladmin|grpc_health_probe|httping)`;
const REFUSED = String.raw`(?:invalid option -- '?\w'?|unrecognized option:? '?-{0,2}[\w-]+'?|illegal option -- '?\w'?|option -{1,2}[\w-]+: is unknown|Unrecognized option or bad number of args)`;

const rule: Rule = {
  id: 'health-tool-option-invalid',
  category: 'health-check-command',
  match: [
    {
      in: ['log', 'healthOutput'],
      re: new RegExp(`^(?:[\\w./-]*\\/)?(?<tool>${TOOL}): (?<what>${REFUSED})`),
    },
    {
      in: ['log', 'healthStatus', 'localField', 'containerReason', 'stoppedReason', 'serviceEvent'],
      re: /^(?:reason=)?unhealthy$|\(unhealthy\)|failed container health checks|is unhealthy/i,
    },
  ],
  cause:
    "{service}'s health check runs {tool} with an option it does not take ({what}), so every probe fails whether or not the service is up.",
  fix: "Correct the health check's command against the help of the tool in the image (`docker run --rm --entrypoint TOOL IMAGE --help`): e.g. `wget -qO- URL`, not `-q0`; an older curl lacks newer flags such as `--fail-with-body`.",
  confidence: 0.7,
  beats: ['command-argument-unknown', 'local-unhealthy', 'container-health-failed', 'health-tool-unverified'],
  examples: {
    match: [
      [
        ['log', "wget: invalid option -- '0'"],
        ['log', 'app_1   /entrypoint.sh   Up (unhealthy)   0.0.0.0:3142->3142/tcp'],
      ],
      [
        ['log', 'curl: option --fail-with-body: is unknown'],
        ['localField', 'unhealthy'],
      ],
      [
        ['log', 'nc: unrecognized option: z'],
        ['log', 'Container web is unhealthy'],
      ],
      [
        [
          'healthOutput',
          'pg_isready: invalid option -- \'x\'\nTry "pg_isready --help" for more information.',
        ],
        ['localField', 'unhealthy'],
      ],
    ],
    noMatch: [
      [['log', "wget: invalid option -- '0'"]],
      [
        ['log', "myserver: invalid option -- 'p'"],
        ['localField', 'unhealthy'],
      ],
    ],
  },
};
export default rule;
