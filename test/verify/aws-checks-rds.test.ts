import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { closedPort, failures, results, useEmulator, writeStack } from './aws-preflight-fixture.js';

/** rds-engine-version against the emulator's RDS, whose catalogue holds real version strings. */

const FIELD = 'services.db.cloudformation.template';

/** A stack with one CloudFormation phase whose template is `template` (written as is: JSON or YAML). */
function stackWithTemplate(template: string, parameters = '', file = 'db.yaml'): string {
  const stack = writeStack(
    `services:\n  db:\n    kind: cloudformation\n    cloudformation:\n      stackName: db\n      template: ${file}\n${parameters}`,
    {},
  );
  writeFileSync(join(dirname(stack), file), template);
  return stack;
}

const instance = (engineVersion: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: ${engineVersion}
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: '20'
`;

describe('aws pre-flight: rds-engine-version (against the emulator)', () => {
  const { em, reset } = useEmulator();

  it('an offered version passes, with one DescribeDBEngineVersions call', async () => {
    reset();
    const r = await results(stackWithTemplate(instance("'16.3'")), 'rds-engine-version');
    assert.deepEqual(
      r.map((x) => [x.ok, x.message]),
      [[true, 'every RDS engine version in the templates is offered']],
    );
    assert.equal(em().calls.count('rds', 'DescribeDBEngineVersions'), 1);
  });

  it('an unoffered literal version: the resource, the file, and the nearest offered versions', async () => {
    reset();
    const [f, more] = await failures(stackWithTemplate(instance('16.0')), 'rds-engine-version');
    assert.equal(more, undefined);
    assert.equal(
      f!.message,
      'db.yaml: Database (AWS::RDS::DBInstance) asks for postgres 16.0, which RDS does not offer in us-east-1',
    );
    assert.equal(
      f!.fix,
      'set EngineVersion of Database in db.yaml to an offered version, e.g. 16.1, 16.2, 16.3, 16.4, 16.5 ' +
        '(aws rds describe-db-engine-versions --engine postgres)',
    );
    assert.equal(f!.location?.field, FIELD);
    assert.equal(f!.location?.line, 8);
  });

  it('YAML reads 16.10 as the string "16.10", as CloudFormation does, not the number 16.1', async () => {
    reset();
    const [f] = await failures(stackWithTemplate(instance('16.10')), 'rds-engine-version');
    assert.match(f!.message, /asks for postgres 16\.10,/);
  });

  it('a Ref to a parameter: its Default, unless the stack file gives the parameter', async () => {
    reset();
    const template = instance(
      '!Ref PgVersion',
      "Parameters:\n  PgVersion:\n    Type: String\n    Default: '15.99'\n",
    );
    const [f] = await failures(stackWithTemplate(template), 'rds-engine-version');
    assert.equal(
      f!.message,
      'db.yaml: Database (AWS::RDS::DBInstance) asks for postgres 15.99 (parameter PgVersion), which RDS does not offer in us-east-1',
    );
    assert.match(
      f!.fix!,
      /^set the Default of parameter PgVersion in db\.yaml \(or give it in cloudformation\.parameters\) to an offered version, e\.g\. 15\.7, 15\.8, 15\.10, 15\.12, 15\.13 /,
    );
    assert.equal(f!.location?.field, FIELD);

    const given = stackWithTemplate(template, "      parameters: { PgVersion: '15.13' }\n");
    assert.deepEqual(await failures(given, 'rds-engine-version'), []);
    const givenWrong = stackWithTemplate(template, "      parameters: { PgVersion: '15.14' }\n");
    const [g] = await failures(givenWrong, 'rds-engine-version');
    assert.match(g!.message, /postgres 15\.14 \(parameter PgVersion\)/);
    assert.match(g!.fix!, /^set cloudformation\.parameters\.PgVersion of db to an offered version/);
    assert.equal(g!.location?.field, 'services.db.cloudformation.parameters.PgVersion', 'where the fix goes');
    assert.equal(g!.location?.line, 9);
  });

  it('an Aurora cluster in a JSON template, and a scenario that narrows what RDS offers', async () => {
    const template = JSON.stringify({
      Resources: {
        Cluster: {
          Type: 'AWS::RDS::DBCluster',
          Properties: { Engine: 'aurora-postgresql', EngineVersion: '16.6', MasterUsername: 'app' },
        },
        // Members of a cluster name no version of their own: nothing to check.
        Writer: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Cluster' } },
        },
      },
    });
    reset();
    assert.deepEqual(await failures(stackWithTemplate(template, '', 'db.json'), 'rds-engine-version'), []);
    reset({ rds: { engineVersions: { 'aurora-postgresql': ['16.8', '17.4'] } } });
    const [f] = await failures(stackWithTemplate(template, '', 'db.json'), 'rds-engine-version');
    assert.match(f!.message, /^db\.json: Cluster \(AWS::RDS::DBCluster\) asks for aurora-postgresql 16\.6,/);
    assert.match(f!.fix!, /e\.g\. 16\.8 \(aws rds/);
  });

  it('an engine name RDS does not know says so', async () => {
    reset();
    const [f] = await failures(
      stackWithTemplate(instance("'16.3'").replace('Engine: postgres', 'Engine: postgresql')),
      'rds-engine-version',
    );
    assert.match(f!.message, /RDS does not know the engine: Unrecognized engine name: postgresql/);
    assert.match(f!.fix!, /postgres, mysql, mariadb/);
  });

  it('RDS unreachable while STS works: one problem, at the template field', async () => {
    reset();
    process.env.AWS_ENDPOINT_URL_RDS = `http://127.0.0.1:${await closedPort()}`;
    try {
      const template =
        instance("'16.3'") +
        instance("'16.4'")
          .replace(/^[^]*?Resources:\n/, '')
          .replace('Database:', 'Replica:');
      const r = await failures(stackWithTemplate(template), 'rds-engine-version');
      assert.equal(r.length, 1, JSON.stringify(r));
      assert.match(r[0]!.message, /^could not reach RDS: /);
      assert.equal(r[0]!.location?.field, FIELD);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_RDS;
    }
  });

  it('a version only CloudFormation can resolve (Fn::If, Fn::FindInMap) is left to it: no call', async () => {
    reset();
    const r = await results(
      stackWithTemplate(instance("!If [IsProd, '16.3', '16.99']")),
      'rds-engine-version',
    );
    assert.deepEqual(
      r.map((x) => x.ok),
      [true],
    );
    assert.equal(em().calls.count('rds', 'DescribeDBEngineVersions'), 0);
  });
});
