import type { Rule } from '../types.js';

/*
 * The service's configuration file is missing from the container or does not parse, so it stops at start-up: nginx's
 * `[emerg]` directive errors, Redis's `FATAL CONFIG FILE ERROR`, YAML / TOML parse errors, a config path that is not
 * there (`ENOENT ... config/production.json`, `FileNotFoundException: /config/application.yml`, Go's `open
 * config.yaml: no such file or directory`, Ruby's `rb_sysopen - config/database.yml`), a Compose file Compose rejects
 * (`The Compose file … is invalid because`, `yaml: line 12: did not find expected key`), a server refusing its own
 * file at a line (nginx's other `[emerg] … in /etc/nginx/conf.d/x.conf:7`, Apache's `AH00526: Syntax error on line`,
 * HAProxy's `parsing [haproxy.cfg:12]`, Postgres' `configuration file … contains errors`, Prometheus' `Error loading
 * config`, Caddy's `adapting config using caddyfile`), Viper's `Config File "config" Not Found in`, MongoDB's `Error parsing YAML config file`; a
 * file that parses with a value of the wrong shape (Go yaml's `unmarshal errors: … cannot unmarshal !!seq into`, serde's
 * `invalid type: …, expected … at line N column M`, Dropwizard's `Incorrect type of value at`). A port or an upstream
 * host nginx cannot use are other rules (port-in-use, name-not-resolved).
 */
const rule: Rule = {
  id: 'config-file-invalid',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>\[emerg\][^\n]{0,20}(?:unknown directive|directive is not allowed here|invalid number of arguments in|unexpected "[^"]*" in|unexpected end of file)[^\n]{0,120}|FATAL CONFIG FILE ERROR|yaml\.(?:scanner\.ScannerError|parser\.ParserError)[^\n]{0,80}|\bopen [^\s:]*(?:\/(?:config|conf|settings|etc)\/|\.(?:ya?ml|json|toml|ini|conf|env|properties|hcl)\b)[^\s:]*: no such file or directory|The Compose file '[^']+' is invalid because[^\n]{0,120}|yaml: line \d+: (?:did not find expected|mapping values are not allowed|could not find expected|found character that cannot start)[^\n]{0,60}|(?:ENOENT: no such file or directory, open|No such file or directory:?|No such file or directory @ rb_sysopen -|FileNotFoundException:) ['"]?[^'"\s]*(?:\/(?:config|conf|settings|etc)\/|\.(?:ya?ml|json|toml|ini|conf|env|properties)\b)[^'"\s]*['"]?|\[emerg\](?![^\n]*(?:host not found in upstream|bind\(\) to|cannot load certificate|BIO_new_file))[^\n]{0,160}? in \/[^\s:]+\.conf:\d+|\[emerg\][^\n]{0,20}unknown "[^"]+" variable|AH00526: Syntax error on line \d+ of [^\s:]+|Invalid command '[^']+', perhaps misspelled|parsing \[[^\]\s]+:\d+\] : [^\n]{0,100}|configuration file "[^"]+" contains errors|unrecognized configuration parameter "[^"]+" in file|[Ee]rror loading config(?:uration)?(?: file)?(?: from)? \(?(?:--config\.file=)?"?\/[^\s"]+[^\n]{0,100}|adapting config using \w+: [^\n]{0,100}|Config File "[^"]+" Not Found in "[^"]*"|Error parsing (?:YAML |JSON |TOML |INI )?config(?:uration)? file[^\n]{0,100}|yaml: unmarshal errors:(?:\\n|\s)+line \d+: cannot unmarshal !!\w+[^\n"]{0,60}|invalid type: [^\n]{0,60}, expected [^\n]{0,60}?(?: for key `[^`\n]+`)? at line \d+ column \d+|Incorrect type of value at: [^\n;]+; is of type: \w+, expected: \w+)/,
      not: /\bbind\(\)|host not found in upstream/,
    },
  ],
  cause: "{service}'s configuration file is missing or does not parse: {what}.",
  fix: 'Fix the file the line names (the syntax it reports, or mount / copy it to that path in the image) and redeploy; `nginx -t`, a YAML linter or starting the image locally finds it before a deploy does.',
  confidence: 0.7,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/app.conf:12']],
      [['log', '*** FATAL CONFIG FILE ERROR (Redis 7.0.11) ***']],
      [['log', "Error: ENOENT: no such file or directory, open '/app/config/production.json'"]],
      [['log', 'java.io.FileNotFoundException: /config/application.yml (No such file or directory)']],
      [['log', 'panic: open config.yaml: no such file or directory']],
      [['log', 'Errno::ENOENT: No such file or directory @ rb_sysopen - config/database.yml']],
      [
        [
          'log',
          "The Compose file './docker-compose.yml' is invalid because: services.web.ports contains an invalid type, it should be an array",
        ],
      ],
      [['log', 'yaml: line 12: did not find expected key']],
      [['log', 'nginx: [emerg] unknown log format "main" in /etc/nginx/conf.d/app.conf:7']],
      [['log', 'AH00526: Syntax error on line 12 of /usr/local/apache2/conf/httpd.conf:']],
      [
        [
          'log',
          "[ALERT] 123/104512 (1) : parsing [/usr/local/etc/haproxy/haproxy.cfg:12] : unknown keyword 'optoin' in 'backend' section",
        ],
      ],
      [['log', 'FATAL:  configuration file "/var/lib/postgresql/data/postgresql.conf" contains errors']],
      [
        [
          'log',
          'level=error msg="Error loading config (--config.file=/etc/prometheus/prometheus.yml)" err="parsing YAML file /etc/prometheus/prometheus.yml: yaml: unmarshal errors"',
        ],
      ],
      [
        [
          'log',
          'Error: adapting config using caddyfile: /etc/caddy/Caddyfile:3: unrecognized directive: reverse_prox',
        ],
      ],
      [['log', 'panic: Config File "config" Not Found in "[/app /etc/app]"']],
      [['log', 'Error parsing YAML config file: yaml-cpp: error at line 3, column 5: illegal map value']],
    ],
    noMatch: [
      [['log', 'nginx: [emerg] host not found in upstream "app:8080" in /etc/nginx/conf.d/default.conf:5']],
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)']],
      [['log', "Error: ENOENT: no such file or directory, open '/app/uploads/avatar.png'"]],
      [['log', 'level=info msg="open /etc/app/config.yaml"']],
    ],
  },
};
export default rule;
