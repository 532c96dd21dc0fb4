import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BayesRank } from '../../src/diagnose/bayes.js';
import { diagnose } from '../../src/diagnose/index.js';
import type { Category } from '../../src/diagnose/types.js';

/** One phrasing of a failure, written from how a tool words it: the top finding's category and rule. */
export interface PhrasingCase {
  name: string;
  expect: Category;
  rule: string;
  capture: unknown;
}

/** One test per case: the top finding names the case's category, by the case's rule. */
export function itNamesEach(cases: readonly PhrasingCase[]): void {
  for (const c of cases) {
    it(`${c.name} is ${c.expect}`, () => {
      const top = diagnose(c.capture)[0]!;
      assert.equal(top.category, c.expect, `${top.category} (${top.rule ?? 'no rule'}): ${top.cause}`);
      assert.equal(top.rule, c.rule);
    });
  }
}

/** A capture of one service whose log has routine start-up lines before the given ones. */
export const logged = (...lines: string[]) => ({
  service: 'api',
  logs: { api: ['starting api v1.4.0', 'loaded configuration from /etc/api/config.yaml', ...lines] },
});

/** Cases of one category, per rule: `logCases('config-env')('stale-pid-file')(name, ...log lines)`. */
export const logCases =
  (expect: Category) =>
  (rule: string) =>
  (name: string, ...lines: string[]): PhrasingCase => ({ name, expect, rule, capture: logged(...lines) });

/** A compose-style capture: the service's log with its start-up lines, then the given ones. */
export const composed = (service: string, ...lines: string[]) => ({
  service,
  logs: {
    [service]: [
      `${service}  | starting ${service}`,
      `${service}  | reading configuration from environment`,
      ...lines,
    ],
  },
});

/** A capture of one stopped task with the given stopped reason. */
export const stopped = (reason: string) => ({
  service: 'api',
  tasks: [{ lastStatus: 'STOPPED', stoppedReason: reason }],
});

/** A learned ranking in the given order, none of it sure enough to go before `other`. */
export const ranker =
  (...order: Category[]) =>
  (): BayesRank[] =>
    order.map((category, i) => ({ category, p: 0.3 - i * 0.05, tokens: [`w${i}`] }));
