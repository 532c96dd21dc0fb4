import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildPlan, type Recorded } from '../../src/plan/plan.js';
import { MissingOutputError, withOutputs } from '../../src/plan/outputs.js';
import { revisionOf } from '../../src/plan/revision.js';
import { interpolate } from '../../src/spec/interpolate.js';
import { loadStack } from '../../src/spec/load.js';
import { invalid, positionOf } from './fixtures.js';

const STACK = (order = 'waves', apiDeps = '[network]') => `stack: shop
target: aws
deploy: { order: ${order} }
services:
  network:
    kind: cloudformation
    cloudformation: { stackName: shop-net, template: net.yaml }
  db:
    kind: cloudformation
    dependsOn: [network]
    cloudformation:
      stackName: shop-db
      template: net.yaml
      parameters: { Subnet: '\${cfn:network.SubnetA}' }
  api:
    dependsOn: ${apiDeps}
    aws: { taskDefinition: api.task.json, serviceDefinition: api.service.json }
`;

function stackDir(
  yaml: string,
  service = '{ "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["${cfn:network.SubnetA}"] } } }',
) {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-outputs-'));
  writeFileSync(join(dir, 'convoy.yaml'), yaml);
  writeFileSync(join(dir, 'net.yaml'), 'Resources: {}\n');
  writeFileSync(join(dir, 'api.task.json'), '{ "family": "api", "containerDefinitions": [] }');
  writeFileSync(join(dir, 'api.service.json'), service);
  return { dir, file: join(dir, 'convoy.yaml') };
}

describe('${cfn:unit.Key}: CloudFormation outputs in later units', () => {
  it('interpolation keeps a reference as written and reports it; a malformed one is an error', () => {
    const seen: string[] = [];
    assert.equal(
      interpolate('a ${cfn:network.SubnetA} ${X:-b}', {}, (r, i) => seen.push(`${r.unit}.${r.key}@${i}`)),
      'a ${cfn:network.SubnetA} b',
    );
    assert.deepEqual(seen, ['network.SubnetA@2']);
    assert.throws(
      () => interpolate('${cfn:network}', {}),
      /not a valid output reference: write \$\{cfn:<unit>\.<OutputKey>\}/,
    );
  });

  it('loads with the reference kept, in the stack file and in the files it names', () => {
    const { file } = stackDir(STACK());
    const stack = loadStack(file, {});
    const api = stack.services.find((s) => s.name === 'api')!;
    assert.deepEqual((api.aws!.serviceDefinition as { networkConfiguration: unknown }).networkConfiguration, {
      awsvpcConfiguration: { subnets: ['${cfn:network.SubnetA}'] },
    });
    assert.equal(
      stack.services.find((s) => s.name === 'db')!.cloudformation!.parameters.Subnet,
      '${cfn:network.SubnetA}',
    );
  });

  it('a unit that is not earlier in the order is an error where the reference is written (exit 3)', () => {
    const { dir, file } = stackDir(STACK('dependencies', '[]'));
    const err = invalid(() => loadStack(file, {}));
    assert.equal(err.exitCode, 3);
    assert.equal(err.location?.file, join(dir, 'api.service.json'));
    assert.equal(err.location?.line, 1);
    assert.match(
      err.message,
      /\$\{cfn:network\.SubnetA\}: network is not earlier in the deployment order than api, so its outputs are not known when api starts \(add network to the dependsOn of api\)/,
    );
  });

  it('a unit that does not exist, or is no CloudFormation phase, is an error too', () => {
    const yaml = STACK().replace("'${cfn:network.SubnetA}'", "'${cfn:netwrk.SubnetA}'");
    const { file } = stackDir(yaml);
    const err = invalid(() => loadStack(file, {}));
    const at = positionOf(yaml, '${cfn:netwrk');
    assert.deepEqual([err.location?.line, err.location?.column], [at.line, at.column]);
    assert.match(err.message, /there is no unit "netwrk" \(did you mean "network"\?\)/);
    const { file: f2 } = stackDir(STACK(), '{ "serviceName": "${cfn:db.Name}" }');
    // db and api are in the same wave: db's outputs are not known when api starts.
    assert.match(
      invalid(() => loadStack(f2, {})).message,
      /db is not earlier in the deployment order than api/,
    );
    const { file: f3 } = stackDir(STACK().replace('${cfn:network.SubnetA}', '${cfn:api.Url}'));
    assert.match(invalid(() => loadStack(f3, {})).message, /api is not a CloudFormation phase/);
  });

  it('plans "known after" a phase that changes, and with the recorded outputs once it does not', () => {
    const { file } = stackDir(STACK());
    const stack = loadStack(file, {});
    const first = buildPlan(stack, new Map(), new Map());
    const api = first.entries.find((e) => e.service.name === 'api')!;
    assert.deepEqual(api.pendingOutputs, { units: ['network'], running: false });
    assert.deepEqual(api.reasons, ['new service', '${cfn:network.SubnetA}: known after network']);

    // The network phase ran and recorded its outputs; db and api are resolved with them.
    const net = stack.services.find((s) => s.name === 'network')!;
    const recorded = new Map<string, Recorded>([
      ['network', { revision: revisionOf(net), spec: withOutputs(net, { SubnetA: 'subnet-1' }) }],
    ]);
    const second = buildPlan(stack, recorded, new Map());
    const resolved = second.entries.find((e) => e.service.name === 'api')!;
    assert.equal(resolved.pendingOutputs, undefined);
    assert.deepEqual(
      (resolved.service.aws!.serviceDefinition as { networkConfiguration: unknown }).networkConfiguration,
      { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    );
    assert.equal(
      second.entries.find((e) => e.service.name === 'db')!.service.cloudformation!.parameters.Subnet,
      'subnet-1',
    );
    assert.notEqual(resolved.revision, api.revision, 'the revision is that of the values deployed');

    // Recorded outputs without the key: the error names the unit, the key and what there is.
    const without = new Map<string, Recorded>([
      ['network', { revision: revisionOf(net), spec: withOutputs(net, { SubnetB: 'x', Vpc: 'y' }) }],
    ]);
    assert.throws(
      () => buildPlan(stack, without, new Map()),
      (err: unknown) =>
        err instanceof MissingOutputError &&
        err.exitCode === 3 &&
        /db uses \$\{cfn:network\.SubnetA\}, but the stack of network has no output SubnetA; its outputs are SubnetB, Vpc/.test(
          err.message,
        ),
    );
  });

  it('recorded outputs and the protect list are not part of a phase’s revision', () => {
    const { file } = stackDir(STACK());
    const net = loadStack(file, {}).services.find((s) => s.name === 'network')!;
    assert.equal(revisionOf(withOutputs(net, { A: 'b' })), revisionOf(net));
    assert.equal(
      revisionOf({ ...net, cloudformation: { ...net.cloudformation!, protect: [] } }),
      revisionOf(net),
    );
  });
});
