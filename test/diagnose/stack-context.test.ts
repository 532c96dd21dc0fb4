import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { stackContext } from '../../src/diagnose/gather.js';
import type { Service } from '../../src/spec/types.js';

/** A stack as the engine describes it to the diagnosis: zookeeper ← kafka, and two services waiting for nothing. */
const service = (name: string, port?: number, dependsOn: Service['dependsOn'] = []): Service => ({
  name,
  kind: 'service',
  dependsOn,
  ...(port ? { local: { command: 'node', args: [], env: {}, port } as unknown as Service['local'] } : {}),
});
const STACK = stackContext({
  name: 'alerts',
  services: [
    service('zookeeper', 7101),
    service('kafka', 7102, [{ name: 'zookeeper', condition: 'healthy' }]),
    service('sender', 7105, [{ name: 'kafka', condition: 'healthy' }]),
    service('rules', 7103),
    service('db'),
  ],
});
const local = (svc: string, line: string, stack = STACK) => ({
  service: svc,
  local: { exitCode: 1, logs: [line] },
  stack,
});
const logged = (svc: string, line: string, stack = STACK) => ({
  service: svc,
  logs: { [svc]: [line] },
  stack,
});

describe('diagnose: the stack a failed service belongs to', () => {
  it('a refusal at a stack service the failed one does not wait for: add it to dependsOn', () => {
    const f = diagnose(
      local('rules', 'cannot reach kafka at 127.0.0.1:7102: connect ECONNREFUSED 127.0.0.1:7102'),
    );
    assert.equal(f[0]!.category, 'dependency-unreachable');
    assert.equal(f[0]!.rule, 'stack-dependency-undeclared');
    assert.match(f[0]!.cause, /rules connects to kafka \(127\.0\.0\.1:7102\).*does not list it in dependsOn/);
    assert.match(f[0]!.fix, /dependsOn: \{ kafka: \{ condition: healthy \} \}/);
    assert.ok(f[0]!.evidence.some((e) => e.includes('ECONNREFUSED')));
  });

  it('the local port alone names the service, whatever the client printed', () => {
    const f = diagnose(local('rules', 'Error: connect ECONNREFUSED 127.0.0.1:7101'));
    assert.equal(f[0]!.rule, 'stack-dependency-undeclared');
    assert.match(f[0]!.cause, /connects to zookeeper/);
  });

  it('a dependency waited for only until started: wait until healthy', () => {
    const stack = stackContext({
      name: 'alerts',
      services: [
        service('zookeeper', 7101),
        service('kafka', 7102, [{ name: 'zookeeper', condition: 'started' }]),
      ],
    });
    const f = diagnose(local('kafka', 'connect ECONNREFUSED 127.0.0.1:7101', stack));
    assert.equal(f[0]!.rule, 'stack-dependency-started-only');
    assert.match(f[0]!.cause, /condition `started`/);
  });

  it('a dependency waited for until healthy, directly or through another, adds nothing', () => {
    for (const [svc, line] of [
      ['kafka', 'connect ECONNREFUSED 127.0.0.1:7101'],
      ['sender', 'connect ECONNREFUSED 127.0.0.1:7101'],
    ] as const) {
      const f = diagnose(local(svc, line));
      assert.equal(f[0]!.rule, 'connection-refused', svc);
    }
  });

  it('a refusal at a loopback port no service of the stack has: the address setting', () => {
    const f = diagnose(local('rules', 'Error: connect ECONNREFUSED 127.0.0.1:7109'));
    assert.equal(f[0]!.category, 'config-env');
    assert.equal(f[0]!.rule, 'stack-address-unknown');
    assert.match(
      f[0]!.cause,
      /127\.0\.0\.1:7109.*the stack has zookeeper \(port 7101\), kafka \(port 7102\)/,
    );
    // The dependency reading stays in the list, below it.
    assert.ok(f.slice(1).some((x) => x.category === 'dependency-unreachable'));
  });

  it('a host name no service is called: the setting; one a service is called: the dependency', () => {
    const wrong = diagnose(
      logged('rules', 'could not translate host name "database" to address: Name or service not known'),
    );
    assert.equal(wrong[0]!.category, 'config-env');
    assert.match(wrong[0]!.cause, /connects to database, but no service of this stack is there/);
    const right = diagnose(logged('rules', 'dial tcp: lookup db on 127.0.0.11:53: no such host'));
    assert.equal(right[0]!.rule, 'stack-dependency-undeclared');
    assert.match(right[0]!.cause, /connects to db/);
  });

  it('a name the stack has, waited for until healthy: the name is right, so the dependency reading goes first', () => {
    const f = diagnose(logged('sender', 'dial tcp: lookup kafka on 127.0.0.11:53: no such host'));
    assert.equal(f[0]!.rule, 'name-not-resolved');
    assert.equal(f[1]!.rule, 'host-setting-not-resolved');
    // Without the stack, the setting reading goes first.
    const { stack: _, ...bare } = logged('sender', 'dial tcp: lookup kafka on 127.0.0.11:53: no such host');
    assert.equal(diagnose(bare)[0]!.rule, 'host-setting-not-resolved');
  });

  it("the service's own address, a task's own containers and a dotted endpoint say nothing", () => {
    assert.equal(
      diagnose(local('rules', 'connect ECONNREFUSED 127.0.0.1:7103'))[0]!.rule,
      'connection-refused',
    );
    const sidecar = {
      ...logged('rules', 'dial tcp: lookup envoy on 127.0.0.11:53: no such host'),
      taskDefinition: { containerDefinitions: [{ name: 'rules' }, { name: 'envoy' }] },
    };
    const { stack: _, ...bare } = sidecar;
    assert.equal(diagnose(sidecar)[0]!.rule, diagnose(bare)[0]!.rule);
    assert.ok(!diagnose(sidecar).some((x) => x.rule?.startsWith('stack-')));
    const rds = logged('rules', 'connect ECONNREFUSED db.cluster-x.eu-west-1.rds.amazonaws.com:5432');
    assert.equal(diagnose(rds)[0]!.rule, 'connection-refused');
  });

  it('on ECS, a name Service Connect gives a service is that service', () => {
    const db = service('database');
    db.aws = {
      taskDefinitionFile: 'db.json',
      taskDefinition: {},
      serviceDefinition: {
        serviceConnectConfiguration: {
          enabled: true,
          services: [
            { portName: 'pg', discoveryName: 'pg', clientAliases: [{ port: 5432, dnsName: 'db.internal' }] },
          ],
        },
      },
    };
    const stack = stackContext({ name: 'shop', services: [service('api'), db] });
    assert.deepEqual((stack.services as { hosts?: string[] }[])[1]!.hosts, ['pg', 'db.internal']);
    const f = diagnose(logged('api', 'Error: getaddrinfo ENOTFOUND db.internal', stack));
    assert.equal(f[0]!.rule, 'stack-dependency-undeclared');
    assert.match(f[0]!.cause, /api connects to database \(db\.internal\)/);
    const refused = diagnose(logged('api', 'connect ECONNREFUSED pg:5432', stack));
    assert.match(refused[0]!.cause, /api connects to database \(pg:5432\)/);
  });

  it('without a stack, or with one service only, the line rules decide alone', () => {
    const line = 'cannot reach kafka at 127.0.0.1:7102: connect ECONNREFUSED 127.0.0.1:7102';
    const { stack: _, ...bare } = local('rules', line);
    assert.equal(diagnose(bare)[0]!.rule, 'connection-refused');
    const alone = stackContext({ name: 'one', services: [service('rules', 7103)] });
    assert.equal(diagnose(local('rules', line, alone))[0]!.rule, 'connection-refused');
  });

  it("the stack part holds names, ports and dependsOn only, never a service's environment", () => {
    const s = service('api', 8080, [{ name: 'db', condition: 'healthy' }]);
    s.local = {
      ...s.local!,
      env: { TOKEN: { value: 'hunter2', secret: true } },
    } as unknown as Service['local'];
    const ctx = stackContext({ name: 'x', services: [s] });
    assert.deepEqual(ctx, {
      name: 'x',
      services: [{ name: 'api', port: 8080, dependsOn: [{ name: 'db', condition: 'healthy' }] }],
    });
    assert.doesNotMatch(JSON.stringify(ctx), /hunter2/);
  });
});
