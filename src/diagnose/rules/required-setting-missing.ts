import type { Rule } from '../types.js';

/*
 * One meaning, the phrasings of many config loaders: a setting the app requires at boot has no value. Spring
 * (`Could not resolve placeholder 'x' in value "${x}"`, no datasource URL), Django (`ImproperlyConfigured`, an
 * empty SECRET_KEY), Rails (`Missing secret_key_base`), Ruby's ENV.fetch (`key not found: "X"`), pydantic-settings
 * (`field required`), envalid / zod / Joi in Node, Go's envconfig and caarlos0/env, Rust's `std::env::VarError`,
 * .NET's null connection string and its options validation (`OptionsValidationException`, `DataAnnotation validation failed`),
 * Spring's `Binding to target … failed`, node-config (`Configuration property "x" is not defined`, often after `No
 * configurations found in configuration directory`), python-decouple's `UndefinedValueError`, Laravel's missing
 * APP_KEY (`No application encryption key has been specified`), Compose refusing to interpolate a required variable
 * (`Missing mandatory value for "environment" option`, `required variable X is missing a value`), Flask-SQLAlchemy
 * with no database URI, Flask with no secret key, Rails with no database for the environment or no master key
 * (`Missing encryption key to decrypt file with`), node-postgres given no password (`client password must be a
 * string`), node-config with no file for NODE_ENV, dotenv-safe's `MissingEnvVarsError`, Entity Framework's `No
 * connection string named`, a quoted variable name said to be required, a schema validator finding a variable
 * undefined (zod's `expected string, received undefined` and its older `received: 'undefined'`, valibot's `Expected
 * string but received undefined`, ajv's `must have required property 'X'` as @fastify/env and env-schema print it,
 * yup's `X is a required field`), and (session 11, part g) Elixir's `System.EnvError` (`could not fetch environment
 * variable "X" because it is not set`), Haskell's `X: getEnv: does not exist`, Typesafe Config's (Play, Akka) `No
 * configuration setting found for key`, .NET's `GetRequiredSection` (`Section 'x' not found in configuration`), Ktor's
 * `Property x not found`. env-var-not-set
 * names the variable when the line does; this is the family around it.
 */
const rule: Rule = {
  id: 'required-setting-missing',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      span: 2,
      re: /(?<what>Missing required configuration "[^"]+" which has no default value|NoRegionError|You must specify a region|Missing region in config|MissingRegion: could not find region configuration|Unable to (?:find|load) (?:a )?region[^\n]{0,40}(?:provider|chain)|Database is uninitialized and (?:superuser )?password (?:option )?is not specified|You must specify [A-Z][A-Z0-9_]+ to a non-empty value|secretOrPrivateKey must have a value|The `uri` parameter to `openUri\(\)` must be a string, got "undefined"|'url' attribute is not specified and no embedded datasource could be configured|The url cannot be null|The ConnectionString property has not been initialized|Could not resolve placeholder '[^']+'|Failed to determine a suitable driver class|Failed to bind properties under '[^']+'|ImproperlyConfigured: [^\n]{0,120}|The SECRET_KEY setting must not be empty|Missing `?secret_key_base`?|key not found: "[A-Z][A-Z0-9_]+"|KeyError: '[A-Z][A-Z0-9_]{2,}'|Missing (?:required )?environment variables?:?[^\n]{0,80}|Invalid environment variables|required key \S+ missing value|required environment variable "?[A-Z][A-Z0-9_]+"? is not set|environment variable not found|VarError\(?NotPresent|Value cannot be null\.? \(Parameter 'connectionString'\)|Config validation error: "[^"]+" is required|"[A-Za-z_]+" is required|\bfield required \(type=value_error\.missing\)|Field required \[type=missing|Configuration property \\?"[^"\\]+\\?" is not defined|No configurations found in configuration directory|No application encryption key has been specified|An application key is missing|Missing mandatory value for "[^"]+" option interpolating|required variable \w+ is missing a value|OptionsValidationException:[^\n]{0,120}|DataAnnotation validation failed for [^\n]{0,100}|Binding to target \S+ failed|UndefinedValueError: \w+ not found|Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must be set|The session is unavailable because no secret key was set|AdapterNotSpecified: '\w+' database is not configured|Missing encryption key to decrypt file with|client password must be a string|NODE_ENV value of '[^']*' did not match any deployment config file|MissingEnvVarsError: [^\n]{0,120}|environment variable "[A-Z][A-Z0-9_]+" should not be empty|No connection string named '[^']+' could be found|[Ee]xpected \w+,? (?:but )?received:? '?undefined\b|received: 'undefined'|must have required property '[A-Z][A-Z0-9_]+'|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+ is a required field|['"`][A-Z][A-Z0-9]*_[A-Z0-9_]+['"`] (?:env(?:ironment)? )?var(?:iable)? (?:is )?(?:required|not set|missing|must be set|undefined)|could not fetch environment variable "[A-Z][A-Z0-9_]*" because it is not set|[A-Z][A-Z0-9_]*: getEnv: does not exist \(no environment variable\)|No configuration setting found for key '[^'\n]+'|Section '[^'\n]+' not found in configuration|ApplicationConfigurationException: Property [\w.-]+ not found)/,
    },
  ],
  cause: '{service} stopped at boot because a setting it requires has no value: {what}.',
  fix: "Provide the setting in the service's environment (or secrets) in the spec / task definition — the name is in the quoted line — and redeploy.",
  confidence: 0.7,
  beats: ['uncaught-exception', 'local-unhealthy', 'local-exit-nonzero', 'essential-exited-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'java.lang.IllegalArgumentException: Could not resolve placeholder \'app.jwt.secret\' in value "${app.jwt.secret}"',
        ],
      ],
      [['log', 'KeyError: key not found: "DATABASE_URL"']],
      [['log', 'envconfig.Process: required key PORT missing value']],
      [['log', 'Error: Database is uninitialized and superuser password is not specified.']],
      [['log', 'Error: secretOrPrivateKey must have a value']],
      [
        [
          'log',
          'ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
        ],
      ],
      [['log', 'botocore.exceptions.NoRegionError: You must specify a region.']],
      [['log', 'MissingRegion: could not find region configuration']],
      [
        [
          'log',
          'software.amazon.awssdk.core.exception.SdkClientException: Unable to load region from any of the providers in the chain',
        ],
      ],
      [
        [
          'log',
          "Reason: Failed to determine a suitable driver class. Description: 'url' attribute is not specified and no embedded datasource could be configured.",
        ],
      ],
      [['log', 'django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.']],
      [['log', 'Error: Configuration property "ElasticSearch" is not defined']],
      [
        [
          'log',
          'production.ERROR: No application encryption key has been specified. {"exception":"[object] (Illuminate\\\\Encryption\\\\MissingAppKeyException(code: 0)',
        ],
      ],
      [
        [
          'log',
          'ERROR: Missing mandatory value for "environment" option interpolating [\'SERVER_NAME=${DOMAIN?Variable not set}\'] in service "worker": Variable not set',
        ],
      ],
      [
        [
          'log',
          'error while interpolating services.api.environment.[]: required variable API_KEY is missing a value: err',
        ],
      ],
      [
        [
          'log',
          "Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'SmtpOptions' members: 'Host' with the error: 'The Host field is required.'.",
        ],
      ],
      [
        [
          'log',
          'decouple.UndefinedValueError: SECRET_KEY not found. Declare it as envvar or define a default value.',
        ],
      ],
      [['log', "RuntimeError: Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must be set."]],
      [
        [
          'log',
          'ActiveRecord::AdapterNotSpecified: \'production\' database is not configured. Available: ["development", "test"]',
        ],
      ],
      [
        [
          'log',
          "Missing encryption key to decrypt file with. Ask your team for your master key and write it to /app/config/master.key or put it in the ENV['RAILS_MASTER_KEY'].",
        ],
      ],
      [['log', 'Error: SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string']],
      [['log', "WARNING: NODE_ENV value of 'prod' did not match any deployment config file names."]],
      [
        [
          'log',
          'MissingEnvVarsError: The following variables were defined in .env.example but are not present in the environment: JWT_SECRET',
        ],
      ],
      [
        [
          'log',
          "System.InvalidOperationException: No connection string named 'DefaultConnection' could be found in the application config file.",
        ],
      ],
      [['log', "Error: The 'APP_URL' environment variable is required"]],
      [['log', "message: 'Invalid input: expected string, received undefined'"]],
      [['log', "Error: env must have required property 'DATABASE_URL'"]],
      [
        [
          'log',
          '** (System.EnvError) could not fetch environment variable "SECRET_KEY_BASE" because it is not set',
        ],
      ],
      [['log', 'app: DATABASE_URL: getEnv: does not exist (no environment variable)']],
      [['log', "ConfigException$Missing: application.conf: 12: No configuration setting found for key 'db'"]],
      [['log', "System.InvalidOperationException: Section 'Smtp' not found in configuration."]],
      [['log', 'io.ktor.server.config.ApplicationConfigurationException: Property jwt.secret not found.']],
    ],
    noMatch: [
      [['log', 'Resolved placeholder app.jwt.secret from environment']],
      [['log', 'Configuration property "db.host" loaded from production.json']],
      [['log', "message: 'Invalid input: expected number, received string'"]],
    ],
  },
};
export default rule;
