import type { Rule } from '../types.js';

/*
 * A program refused the value given to one of its named settings, options or flags at start: gunicorn's `'…' is not a
 * valid port number`, click's `Invalid value for '--port'`, Go's flag package (`invalid value "…" for flag -port`),
 * clap's `invalid value '…' for '--port <PORT>'`, picocli's `Invalid value for option '--http-port'`, argparse's `argument --workers: invalid int value`, Kafka's
 * `ConfigException: Invalid value … for configuration …`, Postgres' `invalid value for parameter "…"`, MySQL's `unknown
 * variable`, Elasticsearch's `unknown setting […]`, Quarkus' `Unrecognized configuration key`, Spring's and .NET's failed conversions of a configured value,
 * Node's `ERR_SOCKET_BAD_PORT` for a port read from a variable, nginx's `invalid port in "…" of the "listen"
 * directive`, Redis' `Bad directive`, Compose's `invalid interpolation format`, Laravel's APP_KEY of the wrong length
 * (`Unsupported cipher or incorrect key length`), .NET's connection string with a keyword it does not know, a JWT key
 * that is not PEM, an app saying a named variable is invalid (`Invalid DATABASE_URL`). The value comes from the task
 * definition, an env var or a config file, so the fix is there; the exit that follows is not a crash in the code.
 * A settings key this version does not know, in strict loaders (session 11, part g): Go's strict YAML (`field x not
 * found in type`, Loki, Tempo, Mimir), serde's `unknown field `x`, expected …` (Vector and other Rust services),
 * Traefik's `field not found, node: x`, Envoy's `Protobuf message (…) has unknown fields`, mongod's `Unrecognized
 * option: storage.x` (a dotted key from its config file, not a command-line flag).
 * An option the program does not know at all is command-argument-unknown.
 */
const rule: Rule = {
  id: 'setting-value-rejected',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>Error: '[^'\n]*' is not a valid port number|Invalid value for (?:option )?'-{1,2}[\w-]+'(?: \/ '-{1,2}[\w-]+')?: [^\n]{0,100}|invalid value "[^"\n]*" for flag -{1,2}[\w.-]+: [^\n]{0,80}|error: invalid value '[^'\n]*' for '[^'\n]+'|argument -{1,2}[\w-]+: invalid \w+ value: '[^'\n]*'|ConfigException: Invalid value [^\n]{0,80} for configuration [\w.]+[^\n]{0,80}|invalid value for parameter \\?"[\w.]+\\?": [^\n]{0,60}|unknown variable '[^'\n]+'|unknown setting \[[\w.-]+\][^\n]{0,60}|Unrecognized configuration key \\?"[\w.-]+\\?"|Failed to convert (?:property|configuration) value[^\n]{0,140}|ERR_SOCKET_BAD_PORT[^\n]{0,100}|options\.port should be >= 0 and < 65536[^\n]{0,40}|invalid port in "[^"\n]*" of the "listen" directive|Bad directive or wrong number of arguments|invalid interpolation format for [^\n]{0,80}|The only supported ciphers are AES-128-CBC and AES-256-CBC with the correct key lengths|Unsupported cipher or incorrect key length|Keyword not supported: '[^'\n]+'|Expecting a PEM-formatted key|field \w+ not found in type [\w.*]+|unknown field `[\w.-]+`(?:, expected [^\n]{0,80})?|field not found, node: [\w.-]+|Protobuf message \(type [\w.]+ reason INVALID_ARGUMENT:[^\n]{0,200}\) has unknown fields|Unrecognized option: [a-z]\w*\.[\w.]+|\bInvalid (?:value for )?[A-Z][A-Z0-9]*_[A-Z0-9_]+\b(?! ?[:=(])[^\n]{0,60})/,
    },
  ],
  cause: '{service} refused a value it was given for one of its settings at start: {what}.',
  fix: "Correct the value in the service's environment, command or config file (the setting is named in the quoted line; a literal `$VAR`, an empty string or a `tcp://…` address usually means a variable was not expanded or was set by something else, such as a link or an orchestrator's service variables) and redeploy.",
  confidence: 0.75,
  beats: [
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'local-unhealthy',
    'worker-crashed',
  ],
  examples: {
    match: [
      [['log', "Error: '$PORT' is not a valid port number."]],
      [['log', '  line 34: field shared_store not found in type compactor.Config']],
      [
        [
          'log',
          'ERROR vector::cli: Configuration error. error=unknown field `encodings`, expected one of `codec`',
        ],
      ],
      [['log', 'command traefik error: field not found, node: dashbaord']],
      [['log', 'Unrecognized option: storage.journal.enabled']],
      [['log', "Error: Invalid value for '--port': 'tcp://10.0.0.12:8000' is not a valid integer."]],
      [['log', 'invalid value "eight" for flag -workers: parse error']],
      [['log', "error: invalid value 'abc' for '--port <PORT>': invalid digit found in string"]],
      [['log', "app.py: error: argument --workers: invalid int value: ''"]],
      [
        [
          'log',
          'org.apache.kafka.common.config.ConfigException: Invalid value 1all for configuration acks: String must be one of: all, -1, 0, 1',
        ],
      ],
      [
        [
          'log',
          '2024-03-01 10:00:00.000 UTC [1] FATAL:  invalid value for parameter "TimeZone": "Europe/Londn"',
        ],
      ],
      [['log', "mysqld: unknown variable 'innodb_buffer_pool_sise=1G'"]],
      [
        [
          'log',
          'java.lang.IllegalArgumentException: unknown setting [xpack.security.enabeld] please check that any required plugins are installed',
        ],
      ],
      [
        [
          'log',
          'RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (NaN).',
        ],
      ],
      [
        [
          'log',
          'nginx: [emerg] invalid port in "${PORT}" of the "listen" directive in /etc/nginx/conf.d/default.conf:2',
        ],
      ],
      [['log', "Failed to convert configuration value at 'Smtp:Port' to type 'System.Int32'."]],
      [
        [
          'log',
          'production.ERROR: Unsupported cipher or incorrect key length. Supported ciphers are: aes-128-cbc, aes-256-cbc, aes-128-gcm, aes-256-gcm.',
        ],
      ],
      [['log', "Application startup exception: System.ArgumentException: Keyword not supported: 'server '."]],
      [['log', 'jwt.exceptions.InvalidKeyError: Expecting a PEM-formatted key.']],
      [['log', 'Error: Invalid DATABASE_URL']],
      [
        [
          'log',
          "Error: Invalid value for '-A' / '--app': Unable to load celery application. The module tasks was not found.",
        ],
      ],
      [['log', "Invalid value for option '--http-port': 'abc' is not an int"]],
      [
        [
          'log',
          'ERROR: Unrecognized configuration key "quarkus.datasource.url" was provided; it will be ignored',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Listening on port 8080']],
      [['log', 'flag provided but not defined: -prot']],
      [['log', 'Invalid value: expected a string']],
    ],
  },
};
export default rule;
