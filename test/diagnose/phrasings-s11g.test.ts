import { describe } from 'node:test';
import { itNamesEach, logCases, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part g: an app's own settings in more tools' words — an option the program or its runtime does not
 * accept, a key or secret file the program refuses because others may read it, a required setting the config loader
 * did not find, a settings key this version does not know. Written from how each tool words it (not copied from the
 * corpus), with routine lines around; and the key in the settings not being the one the app's stored data was encrypted
 * with.
 */
const c = logCases('config-env');
const arg = c('command-argument-unknown');
const perm = c('secret-file-too-open');
const req = c('required-setting-missing');
const key = c('setting-value-rejected');

/** An option on the command line that the program, or the runtime that starts it, does not accept. */
const options: readonly PhrasingCase[] = [
  arg(
    "picocli's unknown option",
    '2026-12-06 01:00:00 INFO  Launcher - parsing arguments',
    "Unknown option: '--listen-port'",
    'Usage: worker [-hV] [--config=<file>] [--threads=<n>]',
  ),
  arg(
    "yargs' unknown argument",
    '> node dist/cli.js serve --prot 8080',
    'Unknown argument: prot',
    'Options:',
    '  --help     Show help  [boolean]',
  ),
  arg(
    "System.CommandLine's unrecognized argument",
    'info: Startup[0] parsing command line',
    "Unrecognized command or argument '--urls-http'.",
    'Description:',
  ),
  arg(
    "Ruby OptionParser's invalid option",
    "/usr/local/bundle/gems/optparse-0.4.0/lib/optparse.rb:1636:in `complete': invalid option: --binding (OptionParser::InvalidOption)",
    "\tfrom /app/bin/server:12:in `<main>'",
  ),
  arg(
    "clap 2's argument which wasn't expected",
    "error: Found argument '--listen' which wasn't expected, or isn't valid in this context",
    '',
    'USAGE:',
    '    server [OPTIONS]',
  ),
  arg(
    "the JVM's unrecognized VM option after an upgrade",
    'Picked up JAVA_TOOL_OPTIONS: -XX:+UseConcMarkSweepGC -Xmx512m',
    "Unrecognized VM option 'UseConcMarkSweepGC'",
    'Error: Could not create the Java Virtual Machine.',
    'Error: A fatal exception has occurred. Program will exit.',
  ),
  arg(
    "Node's bad option",
    'starting node process',
    'node: bad option: --experimental-specifier-resolution=node',
  ),
  arg(
    'Node refusing an option in NODE_OPTIONS',
    'NODE_ENV=production',
    'node: --max_semi_space_size=64 is not allowed in NODE_OPTIONS',
  ),
  arg(
    "CPython's unknown option",
    'entrypoint: exec python -Q app.py',
    'Unknown option: -Q',
    'usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...',
    "Try `python -h' for more information.",
  ),
];

/** A key, certificate or credentials file the program refuses to use because group or others may read it. */
const tooOpen: readonly PhrasingCase[] = [
  perm(
    "PostgreSQL's server key readable by others",
    '2026-12-06 01:00:00.000 UTC [1] LOG:  starting PostgreSQL 16.1 on x86_64-pc-linux-gnu',
    '2026-12-06 01:00:00.001 UTC [1] FATAL:  private key file "/var/lib/postgresql/certs/server.key" has group or world access',
    '2026-12-06 01:00:00.001 UTC [1] DETAIL:  File must have permissions u=rw (0600) or less if owned by the database user, or permissions u=rw,g=r (0640) or less if owned by root.',
  ),
  perm(
    "OpenSSH's unprotected private key",
    "Cloning into '/app/vendor/lib'...",
    '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
    "Permissions 0644 for '/root/.ssh/id_ed25519' are too open.",
    'This private key will be ignored.',
    'git@github.com: Permission denied (publickey).',
  ),
  perm(
    "mongod's keyfile readable by others",
    '{"t":{"$date":"2026-12-06T01:00:00.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23285, "ctx":"main","msg":"Automatically disabling TLS 1.0"}',
    '{"t":{"$date":"2026-12-06T01:00:00.010+00:00"},"s":"E",  "c":"ACCESS",   "id":20254, "ctx":"main","msg":"Read security file failed","attr":{"error":{"code":30,"codeName":"InvalidPath","errmsg":"permissions on /etc/mongo/keyfile are too open"}}}',
  ),
  perm(
    'libpq ignoring a .pgpass readable by others',
    'waiting for database',
    'WARNING: password file "/home/app/.pgpass" has group or world access; permissions should be u=rw (0600) or less',
    'psql: error: connection to server at "db" (10.0.1.12), port 5432 failed: fe_sendauth: no password supplied',
  ),
  perm(
    'MySQL ignoring a world-writable option file',
    "mysqld: [Warning] World-writable config file '/etc/mysql/conf.d/custom.cnf' is ignored.",
    '2026-12-06T01:00:00.000000Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.35) starting as process 1',
  ),
];

/** A setting the app's config loader requires and did not find. */
const required: readonly PhrasingCase[] = [
  req(
    "Elixir's System.fetch_env!",
    '01:00:00.000 [info] Running MyAppWeb.Endpoint with cowboy 2.10.0',
    'ERROR! Config provider Config.Reader failed with:',
    '** (System.EnvError) could not fetch environment variable "SECRET_KEY_BASE" because it is not set',
  ),
  req(
    "Haskell's getEnv",
    'app: starting',
    'app: DATABASE_URL: getEnv: does not exist (no environment variable)',
  ),
  req(
    "Typesafe Config's missing key (Play, Akka)",
    '[info] play.api.Play - Application starting',
    'Exception in thread "main" com.typesafe.config.ConfigException$Missing: application.conf @ file:/app/conf/application.conf: 12: No configuration setting found for key \'db\'',
  ),
  req(
    ".NET's required configuration section",
    'info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production',
    "Unhandled exception. System.InvalidOperationException: Section 'Smtp' not found in configuration.",
    '   at Microsoft.Extensions.Configuration.ConfigurationExtensions.GetRequiredSection(IConfiguration configuration, String key)',
  ),
  req(
    "Ktor's missing property",
    '2026-12-06 01:00:00.000 [main] INFO  ktor.application - Autoreload is disabled',
    'Exception in thread "main" io.ktor.server.config.ApplicationConfigurationException: Property jwt.secret not found.',
  ),
];

/** A settings key this version of the program does not know (renamed, removed, or misspelt). */
const unknownKeys: readonly PhrasingCase[] = [
  key(
    "Go's strict YAML (Loki, Tempo, Mimir)",
    'level=info ts=2026-12-06T01:00:00Z caller=main.go:108 msg="Starting Loki" version="(version=3.0.0)"',
    'failed parsing config: /etc/loki/config.yaml: yaml: unmarshal errors:',
    '  line 34: field shared_store not found in type compactor.Config',
  ),
  key(
    "serde's unknown field (Vector, Rust services)",
    '2026-12-06T01:00:00.000Z  INFO vector::app: Log level is enabled. level="info"',
    '2026-12-06T01:00:00.000Z ERROR vector::cli: Configuration error. error=unknown field `encodings`, expected one of `codec`, `framing`',
  ),
  key(
    "Traefik's unknown static option",
    'time="2026-12-06T01:00:00Z" level=info msg="Configuration loaded from file: /etc/traefik/traefik.yml"',
    '2026/12/06 01:00:00 command traefik error: field not found, node: dashbaord',
  ),
  key(
    "Envoy's bootstrap with an unknown field",
    '[2026-12-06 01:00:00.000][1][info][main] [source/server/server.cc:430] initializing epoch 0',
    "[2026-12-06 01:00:00.000][1][critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Protobuf message (type envoy.config.bootstrap.v3.Bootstrap reason INVALID_ARGUMENT:static_resources.clusters[0]: invalid name hosts: Cannot find field.) has unknown fields",
  ),
  key(
    "mongod's option removed in a newer release",
    '{"t":{"$date":"2026-12-06T01:00:00.000+00:00"},"s":"I",  "c":"CONTROL",  "id":20698, "ctx":"-","msg":"***** SERVER RESTARTED *****"}',
    'Unrecognized option: storage.journal.enabled',
    "try 'mongod --help' for more information",
  ),
];

const enc = c('encryption-key-mismatch');

/** The key in the app's settings is not the one its stored data was encrypted with. */
const keyMismatch: readonly PhrasingCase[] = [
  enc(
    "Rails' credentials with the wrong master key",
    '=> Booting Puma',
    '=> Rails 7.1.2 application starting in production',
    "/usr/local/bundle/gems/activesupport-7.1.2/lib/active_support/message_encryptor.rb:251:in `_decrypt': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)",
    "\tfrom /usr/local/bundle/gems/activesupport-7.1.2/lib/active_support/encrypted_file.rb:98:in `decrypt'",
  ),
  enc(
    "Laravel's APP_KEY changed",
    '[2026-12-06 01:00:00] production.INFO: queue worker started',
    '[2026-12-06 01:00:01] production.ERROR: The MAC is invalid. {"exception":"[object] (Illuminate\\\\Contracts\\\\Encryption\\\\DecryptException(code: 0): The MAC is invalid. at /var/www/html/vendor/laravel/framework/src/Illuminate/Encryption/Encrypter.php:253)"}',
  ),
  enc(
    "ASP.NET Core's key ring not shared between tasks",
    "info: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[0] User profile is available. Using '/root/.aspnet/DataProtection-Keys' as key repository",
    'fail: Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery[7] An exception was thrown while deserializing the token.',
    '      System.Security.Cryptography.CryptographicException: The key {6d1e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a} was not found in the key ring.',
  ),
  enc(
    "n8n's encryption key changed",
    'Initializing n8n process',
    'Error: Mismatching encryption keys. The encryption key in the settings file /home/node/.n8n/config does not match the N8N_ENCRYPTION_KEY env var. Please make sure both keys match.',
  ),
  enc(
    "Airflow's Fernet key changed",
    '[2026-12-06T01:00:00.000+0000] {scheduler_job_runner.py:800} INFO - Starting the scheduler',
    'Traceback (most recent call last):',
    '  File "/home/airflow/.local/lib/python3.11/site-packages/cryptography/fernet.py", line 134, in _verify_signature',
    '    raise InvalidToken',
    'cryptography.fernet.InvalidToken',
  ),
  enc(
    "Go's AES-GCM with another key",
    'time=2026-12-06T01:00:00Z level=INFO msg="loading stored integrations"',
    'time=2026-12-06T01:00:00Z level=ERROR msg="failed to load secrets" err="decrypt token: cipher: message authentication failed"',
  ),
  enc(
    "Node's decipher with another key",
    '[app] restoring sessions',
    'Error: Unsupported state or unable to authenticate data',
    '    at Decipheriv.final (node:internal/crypto/cipher:193:29)',
  ),
];

describe('phrasings s11g: an option the program or its runtime does not accept', () => itNamesEach(options));
describe('phrasings s11g: a key or secret file others may read', () => itNamesEach(tooOpen));
describe('phrasings s11g: a required setting the config loader did not find', () => itNamesEach(required));
describe('phrasings s11g: a settings key this version does not know', () => itNamesEach(unknownKeys));
describe('phrasings s11g: a key that does not decrypt what the app stored', () => itNamesEach(keyMismatch));
