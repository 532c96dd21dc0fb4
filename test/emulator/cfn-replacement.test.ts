import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type ResourceChange,
} from '@aws-sdk/client-cloudformation';
import { harness, until, type Harness } from './helpers.js';

/** Replacement and removal in change sets, and plausible Outputs, read through the real SDK client. */

function template(o: { engine: string; az?: string; bucket?: boolean }): string {
  return `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app, VpcId: !Ref Vpc }
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: ${o.engine}
      DBInstanceClass: db.t4g.micro
      ${o.az ? `AvailabilityZone: ${o.az}` : ''}
${
  o.bucket
    ? `  Uploads:
    Type: AWS::S3::Bucket`
    : ''
}
Outputs:
  SubnetId: { Value: !Ref Subnet }
  GroupId: { Value: !GetAtt Sg.GroupId }
  DbHost: { Value: !GetAtt Database.Endpoint.Address }
  DbPort: { Value: !GetAtt Database.Endpoint.Port }
`;
}

describe('CloudFormation change sets: Replacement, Remove and Outputs (SDK against the emulator)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  const changeSet = async (name: string, type: 'CREATE' | 'UPDATE', body: string) => {
    await h.cfn.send(
      new CreateChangeSetCommand({
        StackName: 'data',
        ChangeSetName: name,
        ChangeSetType: type,
        TemplateBody: body,
      }),
    );
    return until(
      () => h.cfn.send(new DescribeChangeSetCommand({ ChangeSetName: name, StackName: 'data' })),
      (c) => c.Status !== 'CREATE_PENDING' && c.Status !== 'CREATE_IN_PROGRESS',
      { what: `change set ${name}` },
    );
  };
  const byId = (changes: { ResourceChange?: ResourceChange }[] | undefined) =>
    Object.fromEntries((changes ?? []).map((c) => [c.ResourceChange!.LogicalResourceId!, c.ResourceChange!]));

  it('gives Outputs shaped like EC2 and RDS values once the stack is created', async () => {
    const cs = await changeSet('create', 'CREATE', template({ engine: 'postgres', bucket: true }));
    await h.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.ChangeSetId }));
    const s = await until(
      async () => (await h.cfn.send(new DescribeStacksCommand({ StackName: 'data' }))).Stacks![0]!,
      (x) => x.StackStatus === 'CREATE_COMPLETE',
      { what: 'data created' },
    );
    const out = Object.fromEntries(s.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    assert.match(out.SubnetId!, /^subnet-[0-9a-f]{17}$/);
    assert.match(out.GroupId!, /^sg-[0-9a-f]{17}$/);
    assert.match(out.DbHost!, /\.us-east-1\.rds\.amazonaws\.com$/);
    assert.equal(out.DbPort, '5432');
  });

  it('an Engine change replaces the instance (True, Always); a removed resource is a Remove', async () => {
    const cs = await changeSet('engine', 'UPDATE', template({ engine: 'mysql' }));
    const c = byId(cs.Changes);
    assert.equal(c.Database!.Action, 'Modify');
    assert.equal(c.Database!.Replacement, 'True');
    assert.equal(c.Database!.PolicyAction, 'ReplaceAndDelete');
    assert.deepEqual(c.Database!.Scope, ['Properties']);
    assert.deepEqual(c.Database!.Details, [
      {
        Target: { Attribute: 'Properties', Name: 'Engine', RequiresRecreation: 'Always' },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification',
      },
    ]);
    assert.equal(c.Uploads!.Action, 'Remove');
    assert.equal(c.Uploads!.ResourceType, 'AWS::S3::Bucket');
    assert.equal(c.Uploads!.Replacement, undefined);
    assert.equal(c.Uploads!.PolicyAction, 'Delete');
    assert.deepEqual(Object.keys(c).sort(), ['Database', 'Uploads']);
  });

  it('a property that may need a new instance is Replacement Conditional (RequiresRecreation Conditionally)', async () => {
    const cs = await changeSet(
      'az',
      'UPDATE',
      template({ engine: 'postgres', az: 'us-east-1b', bucket: true }),
    );
    const db = byId(cs.Changes).Database!;
    assert.equal(db.Replacement, 'Conditional');
    assert.equal(db.Details![0]!.Target!.RequiresRecreation, 'Conditionally');
    assert.equal(db.PolicyAction, undefined);
  });
});
