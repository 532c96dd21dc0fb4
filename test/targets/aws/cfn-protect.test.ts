import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Change } from '@aws-sdk/client-cloudformation';
import { blockedMessage, decide, describeDestructive } from '../../../src/targets/aws/cfn-protect.js';

const modify = (id: string, type: string, replacement: string, name = 'Engine'): Change => ({
  Type: 'Resource',
  ResourceChange: {
    Action: 'Modify',
    LogicalResourceId: id,
    ResourceType: type,
    Replacement: replacement as never,
    Details: [{ Target: { Attribute: 'Properties', Name: name, RequiresRecreation: 'Always' } }],
  },
});
const remove = (id: string, type: string): Change => ({
  Type: 'Resource',
  ResourceChange: { Action: 'Remove', LogicalResourceId: id, ResourceType: type },
});

describe('the gate on destructive changes', () => {
  const changes = [
    modify('Database', 'AWS::RDS::DBInstance', 'True'),
    modify('Cache', 'AWS::ElastiCache::CacheCluster', 'Conditional', 'Port'),
    modify('Api', 'AWS::ECS::Service', 'False', 'TaskDefinition'),
    modify('TaskDef', 'AWS::ECS::TaskDefinition', 'True', 'ContainerDefinitions'),
    remove('Uploads', 'AWS::S3::Bucket'),
    remove('Queue', 'AWS::SQS::Queue'),
    {
      Type: 'Resource',
      ResourceChange: {
        Action: 'Add',
        LogicalResourceId: 'Lb',
        ResourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      },
    } as Change,
  ];

  it('stops on removals and True/Conditional replacements of protected types, nothing else', () => {
    const d = decide(changes, undefined, new Set());
    assert.deepEqual(d.blocked.map(describeDestructive), [
      'Database (AWS::RDS::DBInstance): Modify, replacement True, caused by Engine',
      'Cache (AWS::ElastiCache::CacheCluster): Modify, replacement Conditional, caused by Port',
      'Uploads (AWS::S3::Bucket): Remove',
    ]);
    assert.deepEqual(d.allowed, []);
  });

  it('--allow-replace lets the named ones through; protect replaces the default list', () => {
    const d = decide(changes, undefined, new Set(['Database', 'Uploads']));
    assert.deepEqual(
      d.blocked.map((b) => b.logicalId),
      ['Cache'],
    );
    assert.deepEqual(
      d.allowed.map((b) => b.logicalId),
      ['Database', 'Uploads'],
    );
    assert.deepEqual(decide(changes, [], new Set()).blocked, []);
    assert.deepEqual(
      decide(changes, ['AWS::SQS::', 'AWS::ECS::TaskDefinition'], new Set()).blocked.map((b) => b.logicalId),
      ['TaskDef', 'Queue'],
    );
  });

  it('says what would be lost and the flag that lets it happen', () => {
    const d = decide(changes, undefined, new Set(['Cache']));
    assert.equal(
      blockedMessage('shop-db', d.blocked),
      'the change set for stack shop-db would remove or replace 2 protected resources: ' +
        'Database (AWS::RDS::DBInstance): Modify, replacement True, caused by Engine; Uploads (AWS::S3::Bucket): Remove. ' +
        'Nothing was executed and the change set was deleted; to let it happen, deploy again with --allow-replace Database Uploads',
    );
  });
});
