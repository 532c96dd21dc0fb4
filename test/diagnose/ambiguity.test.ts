import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AMBIGUITY_SETS } from '../../src/diagnose/ambiguity.js';
import { diagnose } from '../../src/diagnose/index.js';
import { RULES } from '../../src/diagnose/rules/index.js';
import { CATEGORIES, type Category } from '../../src/diagnose/types.js';
import { logged, stopped } from './phrasing-cases.js';

/*
 * Session 9 part n: evidence that reads two or three ways by its nature names the other readings of its family in the
 * top three, whatever tool printed it. Each family in three tools' wordings or more, written from how each tool words
 * it (not copied from the corpus), with routine lines around the evidence.
 */
const event = (message: string) => ({
  service: 'api',
  services: [{ serviceName: 'api', events: [{ message }] }],
});

interface FamilyCase {
  name: string;
  family: string;
  capture: unknown;
}

const cases: readonly FamilyCase[] = [
  {
    name: "Node's connect ETIMEDOUT",
    family: 'a connection that timed out',
    capture: logged('Error: connect ETIMEDOUT 10.0.4.17:5432'),
  },
  {
    name: "Go's dial i/o timeout",
    family: 'a connection that timed out',
    capture: logged('dial tcp 10.0.3.12:6379: i/o timeout'),
  },
  {
    name: "Java's connect timed out",
    family: 'a connection that timed out',
    capture: logged(
      'java.net.SocketTimeoutException: connect timed out',
      '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:546)',
    ),
  },
  {
    name: "redis-py's Error 111",
    family: 'a refused connection',
    capture: logged(
      'redis.exceptions.ConnectionError: Error 111 connecting to cache:6379. Connection refused.',
    ),
  },
  {
    name: "Node's ECONNREFUSED",
    family: 'a refused connection',
    capture: logged('Error: connect ECONNREFUSED 172.18.0.4:6379'),
  },
  {
    name: "Go's connection refused",
    family: 'a refused connection',
    capture: logged('dial tcp 172.18.0.5:5672: connect: connection refused'),
  },
  {
    name: "Node's ENOTFOUND",
    family: 'a name that does not resolve',
    capture: logged('Error: getaddrinfo ENOTFOUND postgres-db'),
  },
  {
    name: "Go's no such host",
    family: 'a name that does not resolve',
    capture: logged('dial tcp: lookup redis-cache on 127.0.0.11:53: no such host'),
  },
  {
    name: "Java's UnknownHostException",
    family: 'a name that does not resolve',
    capture: logged('java.net.UnknownHostException: mysql-primary: Name or service not known'),
  },
  {
    name: "the ECS agent's bare pull failure",
    family: 'a pull that failed',
    capture: stopped('CannotPullContainerError: Error response from daemon'),
  },
  {
    name: "Docker's pull access denied",
    family: 'a pull the registry refused',
    capture: stopped(
      "CannotPullContainerError: Error response from daemon: pull access denied for api, repository does not exist or may require 'docker login'",
    ),
  },
  {
    name: "containerd's unauthorized manifest",
    family: 'a pull the registry refused',
    capture: stopped(
      'CannotPullContainerError: failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.0: pulling from host 123456789012.dkr.ecr.us-east-1.amazonaws.com failed with status code [manifests 1.4.0]: 403 Forbidden',
    ),
  },
  {
    name: "ECS replacing a task that failed the ELB's check",
    family: 'an unhealthy target',
    capture: stopped(
      'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/abc)',
    ),
  },
  {
    name: 'a service event naming an unhealthy target',
    family: 'an unhealthy target',
    capture: event(
      '(service api) (port 8080) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/abc) due to (reason Health checks failed).',
    ),
  },
  {
    name: 'an ALB answered with codes it does not expect',
    family: 'an unhealthy target',
    capture: {
      service: 'api',
      targetHealth: [
        {
          TargetHealth: {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [502]',
          },
        },
      ],
    },
  },
];

describe('ambiguity sets', () => {
  it('name real rules and categories, and every rule reads as one of its set', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    for (const set of AMBIGUITY_SETS) {
      assert.ok(set.categories.length >= 2, set.family);
      for (const c of set.categories) assert.ok((CATEGORIES as readonly string[]).includes(c), c);
      for (const id of set.rules) {
        const rule = byId.get(id);
        assert.ok(rule, `${set.family}: no rule ${id}`);
        assert.ok(set.categories.includes(rule.category as Category), `${id} reads as ${rule.category}`);
      }
    }
    const all = AMBIGUITY_SETS.flatMap((s) => s.rules);
    assert.equal(new Set(all).size, all.length, 'a rule is in one family only');
  });

  for (const c of cases) {
    it(`${c.name}: the other readings of ${c.family} are in the top three, after the signature`, () => {
      const set = AMBIGUITY_SETS.find((s) => s.family === c.family)!;
      const findings = diagnose(c.capture);
      const top = findings[0]!;
      assert.ok(set.rules.includes(top.rule ?? ''), `top finding by ${top.rule ?? 'no rule'}: ${top.cause}`);
      const three = findings.slice(0, 3);
      for (const category of set.categories)
        assert.ok(
          three.some((f) => f.category === category),
          `${category} not in ${three.map((f) => f.category).join(', ')}`,
        );
      const neighbours = findings.filter((f) => f.cause.startsWith('A neighbour to check'));
      assert.ok(neighbours.length > 0);
      for (const n of neighbours) {
        assert.deepEqual(n.evidence, top.evidence, 'a neighbour quotes the first finding’s evidence');
        assert.ok(n.confidence < top.confidence && n.confidence <= 0.04, `${n.category} at ${n.confidence}`);
        assert.equal(n.rule, undefined);
      }
    });
  }

  it('leave a finding outside every family to the learned ranking', () => {
    const findings = diagnose(logged('Killed', 'api exited with code 137'));
    assert.ok(!findings.some((f) => f.cause.startsWith('A neighbour to check')));
  });

  it('leave `other` listing what was examined and the two nearest categories when nothing matches', () => {
    const findings = diagnose(logged('worker 3 finished batch 7', 'shutting down'));
    assert.equal(findings.find((f) => f.category === 'other')?.confidence, 0.05);
    assert.ok(!findings.some((f) => f.cause.startsWith('A neighbour to check')));
  });
});
