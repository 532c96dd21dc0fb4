import type { Rule } from '../types.js';

/*
 * A setting is there but its value is unusable, most often an unset variable interpolated as text: a host named
 * `undefined` / `None` / `null`, a URL the parser rejects (Node ERR_INVALID_URL, SQLAlchemy's rfc1738 URL, an
 * invalid connection string or DSN), an empty string where a number belongs. `host.docker.internal` belongs here too:
 * a host name only Docker Desktop provides, copied into a setting that runs where no such name exists. So is an AWS
 * region that is not one (a URL or a typo in `awslogs-region` / AWS_REGION): the SDKs find no endpoint for it (Go's
 * `MissingEndpoint: 'Endpoint' configuration is required`, JavaScript v3's `Invalid region: region was not a valid DNS
 * name`). A settings schema rejecting a URL variable (an empty `X=` line is a value) says the same: zod 3's `message:
 * 'Invalid url'`, valibot's `Invalid URL: Received ""`, envalid's `Invalid url input: ""`, Joi's `"API_URL" must be a
 * valid uri`, yup's `API_URL must be a valid URL`.
 */
const rule: Rule = {
  id: 'setting-value-invalid',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>(?:getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|could not translate host name|UnknownHostException:|lookup|Could not resolve host:?) "?(?:undefined|None|null|nil|(?:host|gateway)\.docker\.internal)\b"?|ERR_INVALID_URL|TypeError: Invalid URL|Could not parse (?:rfc1738 |SQLAlchemy )?URL from string '[^']*'|Invalid connection string|invalid DSN|invalid literal for int\(\) with base 10: '(?:\$\{?\w+\}?|tcp:\/\/[^']*)?'|strconv\.\w+: parsing "(?:\$\{?\w+\}?)?": invalid syntax|NumberFormatException: For input string: "(?:\$\{?\w+\}?)?"|Failed to parse URL from|int\(\) argument must be a string[^\n]{0,40}not 'NoneType'|Redis URL must specify one of the following schemes|Invalid scheme, expected connection string to start with "mongodb(?:\+srv)?:\/\/"|parse "": empty url|dial tcp: missing address|Invalid URL '[^']*': No schema supplied|Input should be a valid \w+, unable to interpret input|Format of the initialization string does not conform to specification|MissingEndpoint: 'Endpoint' configuration is required|Invalid region: region was not a valid DNS name|(?:InvalidRegion|UnknownRegion|UnrecognizedRegion)\b[^\n]{0,80}|['"]Invalid url['"]|Invalid URL: Received "[^"]*"|Invalid url input: "[^"]*"|"[A-Z][A-Z0-9]*_[A-Z0-9_]+" must be a valid uri|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+ must be a valid URL)/,
    },
  ],
  cause: '{service} read a setting whose value is missing or malformed ({what}), so it stopped at start-up.',
  fix: "Check the variable behind it in the service's environment (or secrets): set it, and give it the form the app parses (a full URL with scheme, host and port; a number); an unset variable often shows up as `undefined` or `None`.",
  confidence: 0.8,
  beats: ['name-not-resolved', 'uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Error: getaddrinfo ENOTFOUND undefined']],
      [
        [
          'stoppedReason',
          "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: MissingEndpoint: 'Endpoint' configuration is required for this service",
        ],
      ],
      [['log', 'Error: Invalid region: region was not a valid DNS name.']],
      [['log', 'db: Could not connect. getaddrinfo ENOTFOUND host.docker.internal']],
      [['log', "sqlalchemy.exc.ArgumentError: Could not parse rfc1738 URL from string ''"]],
      [['log', 'TypeError [ERR_INVALID_URL]: Invalid URL']],
      [['log', "ValueError: invalid literal for int() with base 10: '$PORT'"]],
      [['log', 'panic: strconv.Atoi: parsing "": invalid syntax']],
      [
        [
          'log',
          "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
        ],
      ],
      [
        [
          'log',
          'ValueError: Redis URL must specify one of the following schemes (redis://, rediss://, unix://)',
        ],
      ],
      [['log', 'failed to connect: dial tcp: missing address']],
      [['log', 'java.lang.NumberFormatException: For input string: "${SERVER_PORT}"']],
      [['log', "    message: 'Invalid url',"]],
      [['log', 'EnvError: Invalid url input: ""']],
      [['log', 'ValidationError: "API_URL" must be a valid uri']],
    ],
    noMatch: [
      [['log', 'Error: getaddrinfo ENOTFOUND db.internal']],
      [['log', 'GET /preview?link=abc 400 Invalid url, please check the link']],
      [['log', 'java.lang.NumberFormatException: For input string: "abc"']],
    ],
  },
};
export default rule;
