import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part t, in each tool's words: a registry refusing a pull as clients print it without the daemon's
 * prefix; a database and its migrations disagreeing (applied migrations the code does not ship, an existing schema
 * with no history table, a table or column the code expects missing, a stack trace cut inside the tool's own history
 * check); a migration lock left held; a health check that could not write what it fetched; a template that does not
 * parse, and the Serverless Framework's wrapper around CloudFormation's refusal.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // Applied migrations the running code does not ship.
  {
    name: "sql-migrate's unknown migration in the database",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'connecting to postgres at db:5432',
      'error: Unable to create migration plan because of 0007_add_index.sql: unknown migration in database',
    ),
  },
  {
    name: "golang-migrate's version with no migration file",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      '2025/02/01 10:00:00 error: no migration found for version 42: read down for version 42 .',
    ),
  },
  {
    name: "Flyway's applied migration not resolved locally",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'INFO  o.f.c.i.license.VersionPrinter - Flyway Community Edition 9.22.3 by Redgate',
      'ERROR o.s.boot.SpringApplication - Application run failed',
      'ERROR: Validate failed: Detected applied migration not resolved locally: 2.4',
    ),
  },
  {
    name: "Prisma's applied migrations missing from the local directory",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'Prisma schema loaded from prisma/schema.prisma',
      'The following migration(s) are applied to the database but missing from the local migrations directory: 20250110093000_add_orders',
    ),
  },
  {
    name: "goose's missing migrations",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged('goose run: error: found 2 missing migrations before current version 20250101120000'),
  },
  // An existing schema with no history table, in Flyway's older and newer words.
  {
    name: "Flyway 4's schema without a metadata table",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'INFO org.flywaydb.core.internal.util.VersionPrinter - Flyway 4.2.0 by Boxfuse',
      'ERROR: Found non-empty schema(s) `app` without metadata table! Use baseline() or set baselineOnMigrate to true to initialize the metadata table.',
    ),
  },
  {
    name: "Flyway 9's schema without a schema history table",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'ERROR: Found non-empty schema(s) "public" without schema history table! Use baseline() or set baselineOnMigrate to true to initialize the schema history table.',
    ),
  },
  // A table the code expects is missing, ActiveRecord beside other drivers' words.
  {
    name: "ActiveRecord's table it could not find",
    expect: 'db-migration',
    rule: 'schema-not-migrated',
    capture: logged(
      '=> Booting Puma',
      '=> Rails 7.1.3 application starting in production',
      "ActiveRecord::StatementInvalid: Could not find table 'solid_queue_jobs'",
    ),
  },
  {
    name: "Postgres' relation that does not exist",
    expect: 'db-migration',
    rule: 'schema-not-migrated',
    capture: logged('ERROR:  relation "solid_queue_jobs" does not exist at character 15'),
  },
  {
    name: "SQLite's missing table",
    expect: 'db-migration',
    rule: 'schema-not-migrated',
    capture: logged('sqlite3.OperationalError: no such table: accounts_profile'),
  },
  // A stack trace cut inside the migration tool's own history check.
  {
    name: 'a Django migrate traceback cut at check_consistent_history',
    expect: 'db-migration',
    rule: 'trace-in-migration-check',
    capture: logged(
      '$ python manage.py migrate',
      'Traceback (most recent call last):',
      '  File "/app/manage.py", line 22, in <module>',
      '    execute_from_command_line(sys.argv)',
      '  File "/usr/local/lib/python3.11/site-packages/django/core/management/commands/migrate.py", line 117, in handle',
      '    executor.loader.check_consistent_history(connection)',
    ),
  },
  {
    name: 'an Alembic traceback cut while resolving a revision',
    expect: 'db-migration',
    rule: 'trace-in-migration-check',
    capture: logged(
      'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
      'Traceback (most recent call last):',
      '  File "/usr/local/bin/alembic", line 8, in <module>',
      '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 771, in _resolve_revision_number',
    ),
  },
  {
    name: 'a Flyway stack cut in its validation',
    expect: 'db-migration',
    rule: 'trace-in-migration-check',
    capture: logged(
      'ERROR o.s.boot.SpringApplication - Application run failed',
      '\tat org.flywaydb.core.internal.command.DbValidate.validate(DbValidate.java:164)',
      '\tat org.flywaydb.core.Flyway.doValidate(Flyway.java:373)',
    ),
  },
  {
    name: 'a Liquibase stack cut in its validating visitor',
    expect: 'db-migration',
    rule: 'trace-in-migration-check',
    capture: logged(
      '\tat liquibase.changelog.ValidatingVisitor.validate(ValidatingVisitor.java:141)',
      '\tat liquibase.changelog.DatabaseChangeLog.validate(DatabaseChangeLog.java:372)',
    ),
  },
  {
    name: "a Rails backtrace cut in ActiveRecord's pending check",
    expect: 'db-migration',
    rule: 'trace-in-migration-check',
    capture: logged(
      "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/migration.rb:745:in `check_pending_migrations'",
      "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/railtie.rb:80:in `block (2 levels) in <class:Railtie>'",
    ),
  },
  // The registry refusing a pull, in the words the Docker CLI, Compose v2 and BuildKit print without the daemon's prefix.
  {
    name: "the Docker daemon's bare denied for a private package",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      service: 'web',
      logs: {
        docker: ["Unable to find image 'ghcr.io/acme/web:1.4' locally", 'Error response from daemon: denied'],
      },
    },
  },
  {
    name: "Compose v2's pull access denied that may require authentication",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      service: 'web',
      logs: {
        compose: [
          ' Network app_default  Created',
          ' ✘ web Error pull access denied for acme/web, repository does not exist or may require authentication',
        ],
      },
    },
  },
  {
    name: "Compose v2's manifest request answered unauthorized",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      service: 'api',
      logs: { compose: [' ✘ api Error Head "https://ghcr.io/v2/acme/api/manifests/develop": unauthorized'] },
    },
  },
  {
    name: "BuildKit's base image pull access denied",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      service: 'api',
      logs: {
        build: [
          '#2 [internal] load metadata for docker.io/acme/base:3',
          'ERROR: failed to solve: acme/base:3: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
        ],
      },
    },
  },
  // Applied migrations whose files the image no longer ships, and Flyway's newer wording of a schema with no history.
  {
    name: "SeaORM's applied migration whose file is missing",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'INFO  sea_orm_migration::migrator: Applying all pending migrations',
      "Error: Custom Error: Migration file of version 'm20250101_000001_add_tags' is missing, this migration has been applied but its file is missing",
    ),
  },
  {
    name: "Flyway's non-empty schema but no schema history table",
    expect: 'db-migration',
    rule: 'migration-state-broken',
    capture: logged(
      'org.flywaydb.core.api.FlywayException: Found non-empty schema(s) `shop` but no schema history table. Use baseline() or set baselineOnMigrate to true to initialize the schema history table.',
    ),
  },
  // A migration lock left held, in each tool's words.
  {
    name: "Ghost's knex-migrator lock",
    expect: 'db-migration',
    rule: 'liquibase-lock',
    capture: logged(
      '[2025-01-10 10:00:00] INFO Ghost is running in production...',
      '[2025-01-10 10:00:01] ERROR Migrations are running at the moment. Please wait that the lock gets released.',
      'NAME: MigrationsAreLockedError',
    ),
  },
  {
    name: "golang-migrate's database lock it cannot take",
    expect: 'db-migration',
    rule: 'liquibase-lock',
    capture: logged("2025/01/10 10:00:15 error: timeout: can't acquire database lock"),
  },
  {
    name: "Prisma's advisory lock timeout",
    expect: 'db-migration',
    rule: 'liquibase-lock',
    capture: logged(
      'Datasource "db": PostgreSQL database "app", schema "public" at "db:5432"',
      'Error: P1002',
      'The database server at `db:5432` was reached but timed out. Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Timeout: 10000ms.',
    ),
  },
  // A table or column the code expects, in forms the drivers print without the usual quoting or prefix.
  {
    name: "Postgres' qualified column that does not exist, through sqlx",
    expect: 'db-migration',
    rule: 'schema-not-migrated',
    capture: logged(
      'Error: Query Error: error returned from database: column orders.shipped_at does not exist',
    ),
  },
  {
    name: "psycopg2's relation that already exists",
    expect: 'db-migration',
    rule: 'schema-not-migrated',
    capture: logged(
      '  Applying shop.0001_initial...',
      'django.db.utils.ProgrammingError: relation "shop_order" already exists',
    ),
  },
  // A health check that fetched the page but could not write it where the container's user runs it.
  {
    name: 'BusyBox wget saving the page into a directory it cannot write',
    expect: 'health-check-command',
    rule: 'health-output-unwritable',
    capture: {
      service: 'grafana',
      logs: {
        grafana: [
          'logger=http.server t=2025-01-10T10:00:00Z level=info msg="HTTP Server Listen" address=[::]:3000',
        ],
      },
      local: {
        health: 'unhealthy',
        healthOutput:
          "Connecting to localhost:3000 (127.0.0.1:3000)\nwget: can't open 'health': Permission denied",
      },
    },
  },
  {
    name: 'GNU wget on a read-only root file system',
    expect: 'health-check-command',
    rule: 'health-output-unwritable',
    capture: {
      service: 'api',
      local: {
        health: 'unhealthy',
        healthOutput:
          "--2025-01-10 10:00:00--  http://localhost:8080/healthz\nHTTP request sent, awaiting response... 200 OK\nCannot write to 'healthz' (Read-only file system).",
      },
    },
  },
  {
    name: 'curl failing to write its output',
    expect: 'health-check-command',
    rule: 'health-output-unwritable',
    capture: {
      service: 'api',
      local: {
        health: 'unhealthy',
        healthOutput:
          'Warning: Failed to open the file status.json: Permission denied\ncurl: (23) Failure writing output to destination',
      },
    },
  },
  // A template that does not parse, in each deploy tool's parser's words.
  {
    name: "the AWS CLI's PyYAML error with the template's first line quoted",
    expect: 'cfn-template',
    rule: 'template-unparsable',
    capture: {
      service: 'stack',
      logs: {
        deploy: [
          '$ aws cloudformation package --template-file template.yaml --s3-bucket artifacts --output-template-file out.yaml',
          'mapping values are not allowed here',
          '  in "<string>", line 41, column 22:',
          '        Image: !Sub ${Repo}:latest',
        ],
      },
    },
  },
  {
    name: "SAM CLI's template it failed to parse",
    expect: 'cfn-template',
    rule: 'template-unparsable',
    capture: {
      service: 'fn',
      logs: {
        sam: [
          'Building codeuri: /src/fn runtime: python3.12 metadata: {} architecture: x86_64 functions: Fn',
          'Error: Failed to parse template: while scanning a simple key in "<unicode string>", line 18, column 5: could not find expected \':\'',
        ],
      },
    },
  },
  {
    name: "the Serverless Framework's js-yaml error",
    expect: 'cfn-template',
    rule: 'template-unparsable',
    capture: {
      service: 'api',
      logs: {
        sls: [
          'Running "serverless" from node_modules',
          'Error:',
          'Cannot parse "serverless.yml": bad indentation of a mapping entry in "/app/serverless.yml" (23:7)',
        ],
      },
    },
  },
  {
    name: "the Serverless Framework's wrapper around CloudFormation's refusal",
    expect: 'cfn-template',
    rule: 'template-error',
    capture: {
      service: 'api',
      logs: {
        sls: [
          'Deploying api to stage dev (us-east-1)',
          "Error: The CloudFormation template is invalid: 1 validation error detected: Value '[AWS::Lambda::Function, AWS::SQSQueue]' at 'typeNameList' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}",
        ],
      },
    },
  },
];

describe('phrasings, session 10 part t: a database and its migrations disagreeing', () => {
  itNamesEach(cases);

  it("a manifest answered only `denied` (GHCR's outages say it too) is not read by pull-access-denied", () => {
    const f = diagnose({
      logs: {
        docker: [
          'Error response from daemon: Head "https://ghcr.io/v2/acme/api/manifests/v1.2": denied: denied',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'pull-access-denied'), 'pull-access-denied fired');
  });

  it("an entrypoint's own download failing to write is not the health check", () => {
    const f = diagnose(logged("wget: can't open 'plugins.zip': Permission denied", 'exit status 1'));
    assert.ok(!f.some((x) => x.rule === 'health-output-unwritable'), 'health-output-unwritable fired');
  });

  it("a Compose file's YAML error is not the template", () => {
    const f = diagnose({
      logs: {
        compose: [
          'yaml: line 12: mapping values are not allowed in this context',
          'docker-compose.yml is invalid',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'template-unparsable'), 'template-unparsable fired');
  });

  it('a migrate traceback that ends in a refused connection is not the migration history', () => {
    const f = diagnose(
      logged(
        'Traceback (most recent call last):',
        '    executor.loader.check_consistent_history(connection)',
        'django.db.utils.OperationalError: could not connect to server: Connection refused',
        '\tIs the server running on host "db" (172.18.0.2) and accepting TCP/IP connections on port 5432?',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'trace-in-migration-check'), 'trace-in-migration-check fired');
    assert.notEqual(f[0]!.category, 'db-migration');
  });

  it("Flyway's own INFO line naming its validate command is not a stack frame", () => {
    const f = diagnose(
      logged('INFO org.flywaydb.core.internal.command.DbValidate - Successfully validated 4 migrations'),
    );
    assert.ok(!f.some((x) => x.rule === 'trace-in-migration-check'), 'trace-in-migration-check fired');
  });

  it('a full InconsistentMigrationHistory line is still read by migration-state-broken', () => {
    const f = diagnose(
      logged(
        '    executor.loader.check_consistent_history(connection)',
        "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency accounts.0001_initial on database 'default'.",
      ),
    );
    assert.equal(f[0]!.rule, 'migration-state-broken');
  });
});
