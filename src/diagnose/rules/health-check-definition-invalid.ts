import type { Rule } from '../types.js';

/*
 * The health check or probe itself is defined wrongly, so the tool that reads it refuses it or cannot run it: a key it
 * does not know, a value it does not allow, a named port the container does not declare. The fix goes in the check's
 * definition, whichever tool validates it: Kamal (`proxy/healthcheck: unknown key: cmd`), Compose v2 (`services.web.
 * healthcheck Additional property cmd is not allowed`) and v1 (`services.web.healthcheck contains unsupported option`),
 * the AWS CLI's parameter validation of a task definition (`Unknown parameter in containerDefinitions[0].healthCheck`),
 * kubectl's strict decoding (`unknown field "….readinessProbe.…"`), the Kubernetes API's validation
 * (`livenessProbe.successThreshold: Invalid value`), the kubelet resolving a probe's port name that no container port
 * has (`Readiness probe errored: strconv.Atoi: parsing "http-monitoring": invalid syntax`). It outranks the readings of
 * an invalid file or template as a whole, which name no health check.
 */
const rule: Rule = {
  id: 'health-check-definition-invalid',
  category: 'health-check-command',
  match: [
    {
      re: /(?<what>healthcheck: unknown key: \w+|services\.[\w.-]+\.healthcheck(?:\.\w+)? (?:Additional property \w+ is not allowed|contains unsupported option: '\w+'|must be a \w+)|(?:Unknown|Invalid type for) parameter in containerDefinitions\[\d+\]\.healthCheck[\w.]*|unknown field "[^"]*(?:liveness|readiness|startup)Probe[^"]*"|(?:liveness|readiness|startup)Probe(?:\.\w+)*: (?:Invalid|Required|Unsupported|Forbidden) value|(?:Liveness|Readiness|Startup) probe errored: strconv\.Atoi: parsing "[^"]*": invalid syntax)/,
    },
  ],
  cause: "{service}'s health check or probe is defined wrongly, so it is refused or cannot run ({what}).",
  fix: "Correct the check's definition in the tool's own schema: the key names it accepts (Compose's `test`, ECS's `command`, Kamal's proxy `healthcheck: path`, or `proxy: false` for an app with no HTTP endpoint), values it allows, and a probe port that names a port the container declares (or its number).",
  confidence: 0.8,
  beats: [
    'config-file-invalid',
    'stack-parameters-invalid',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [['log', 'ERROR (Kamal::ConfigurationError): proxy/healthcheck: unknown key: cmd']],
      [
        [
          'log',
          'validating /srv/compose.yaml: services.web.healthcheck Additional property cmd is not allowed',
        ],
      ],
      [
        [
          'log',
          'Unknown parameter in containerDefinitions[0].healthCheck: "cmd", must be one of: command, interval, timeout, retries, startPeriod',
        ],
      ],
      [
        [
          'log',
          'strict decoding error: unknown field "spec.template.spec.containers[0].livenessProbe.httpGet.paht"',
        ],
      ],
      [['serviceEvent', 'Readiness probe errored: strconv.Atoi: parsing "http-monitoring": invalid syntax']],
    ],
    noMatch: [
      [['log', 'validating /srv/compose.yaml: services.web Additional property buid is not allowed']],
      [['log', 'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"']],
      [['log', 'Readiness probe failed: HTTP probe failed with statuscode: 503']],
    ],
  },
};
export default rule;
