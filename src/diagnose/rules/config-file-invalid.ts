import type { Rule } from '../types.js';

/*
 * The service's configuration file is missing from the container or does not parse, so it stops at start-up: nginx's
 * `[emerg]` directive errors, Redis's `FATAL CONFIG FILE ERROR`, YAML / TOML parse errors, a config path that is not
 * there (`ENOENT ... config/production.json`, `FileNotFoundException: /config/application.yml`, Go's `open
 * config.yaml: no such file or directory`, Ruby's `rb_sysopen - config/database.yml`), a Compose file Compose rejects
 * (`The Compose file … is invalid because`, `yaml: line 12: did not find expected key`). A port or an upstream
 * host nginx cannot use are other rules (port-in-use, name-not-resolved).
 */
const rule: Rule = {
  id: 'config-file-invalid',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>\[emerg\][^\n]{0,20}(?:unknown directive|directive is not allowed here|invalid number of arguments in|unexpected "[^"]*" in|unexpected end of file)[^\n]{0,120}|FATAL CONFIG FILE ERROR|yaml\.(?:scanner\.ScannerError|parser\.ParserError)[^\n]{0,80}|\bopen [^\s:]*(?:\/(?:config|conf|settings|etc)\/|\.(?:ya?ml|json|toml|ini|conf|env|properties|hcl)\b)[^\s:]*: no such file or directory|The Compose file '[^']+' is invalid because[^\n]{0,120}|yaml: line \d+: (?:did not find expected|mapping values are not allowed|could not find expected|found character that cannot start)[^\n]{0,60}|(?:ENOENT: no such file or directory, open|No such file or directory:?|No such file or directory @ rb_sysopen -|FileNotFoundException:) ['"]?[^'"\s]*(?:\/(?:config|conf|settings|etc)\/|\.(?:ya?ml|json|toml|ini|conf|env|properties)\b)[^'"\s]*['"]?)/,
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
    ],
    noMatch: [
      [['log', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)']],
      [['log', "Error: ENOENT: no such file or directory, open '/app/uploads/avatar.png'"]],
      [['log', 'level=info msg="open /etc/app/config.yaml"']],
    ],
  },
};
export default rule;
