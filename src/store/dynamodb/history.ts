import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DeploymentRecord, HistoryFilter, StepRecord } from '../store.js';
import { Expr, N, S, pad, str, type Item } from './expr.js';
import * as L from './layout.js';
import { isConditionFailed, type Table } from './table.js';

/** Step states that mean the deployment did not change the service (history's `service` filter skips them). */
const UNCHANGED_STATES = new Set<string>(['pending', 'unchanged', 'skipped']);
export const changesService = (state: string) => !UNCHANGED_STATES.has(state);

const MAX_STARTED_AT = 10 ** 15 - 1;

export async function lockItems(table: Table): Promise<Item[]> {
  return table.queryPrefix(L.LOCKS_PK, '');
}

/** Queries over deployments, and the two unfenced bulk writes (import, prune). */
export class History {
  constructor(
    private readonly table: Table,
    private readonly ttl: () => AttributeValue,
  ) {}

  async list(filter: HistoryFilter): Promise<DeploymentRecord[]> {
    // No index across stacks: every stack with history has a lock item, so query each stack and merge.
    const stacks =
      filter.stack !== undefined
        ? [filter.stack]
        : (await lockItems(this.table)).map((i) => str(i, 'stack')).filter((s): s is string => !!s);
    const perStack = await Promise.all(stacks.map((s) => this.query(s, filter)));
    const limit = filter.limit !== undefined && filter.limit >= 0 ? filter.limit : undefined;
    return perStack
      .flat()
      .sort((a, b) => (str(b, 'sk')! < str(a, 'sk')! ? -1 : 1))
      .slice(0, limit)
      .map(L.toDeployment);
  }

  async unfinished(stack: string): Promise<DeploymentRecord[]> {
    return (await this.query(stack, {}, ['running', 'rolling-back'])).map(L.toDeployment);
  }

  /**
   * Newest first, strongly consistent. since/until narrow the key range (sk starts with the padded startedAt); the
   * other filters read the stack's history past the filter, which retention keeps bounded.
   */
  private query(stack: string, f: HistoryFilter, statuses?: string[]): Promise<Item[]> {
    const e = new Expr();
    const where: string[] = [];
    const eq = (name: string, v: string | undefined) => {
      if (v !== undefined) where.push(`${e.n(name)} = ${e.v(S(v))}`);
    };
    eq('status', f.status);
    eq('correlationId', f.correlationId);
    eq('actor', f.actor);
    if (f.service !== undefined) where.push(`contains(${e.n('changed')}, ${e.v(S(f.service))})`);
    if (statuses) where.push(`${e.n('status')} IN (${statuses.map((s) => e.v(S(s))).join(', ')})`);
    // BETWEEN is inclusive; every real sk extends `dep#<until>` with "#…", so `until` itself is excluded.
    const from = e.v(S(`dep#${pad(f.since ?? 0, 15)}`));
    const to = e.v(S(`dep#${pad(f.until ?? MAX_STARTED_AT, 15)}`));
    return this.table.query(
      {
        KeyConditionExpression: `${e.n('pk')} = ${e.v(S(L.stackPk(stack)))} AND ${e.n('sk')} BETWEEN ${from} AND ${to}`,
        FilterExpression: where.length ? where.join(' AND ') : undefined,
        ExpressionAttributeNames: e.names,
        ExpressionAttributeValues: e.values,
        ScanIndexForward: false,
      },
      f.limit,
    );
  }

  /**
   * Idempotent: every item has a deterministic key (tick 0, steps numbered by position; `writeEvents` keeps its own
   * seqs on a retry), so a retry after a crash rewrites the same items; the ref goes last and marks the import
   * complete.
   */
  async import(d: DeploymentRecord, steps: StepRecord[], writeEvents: () => Promise<void>): Promise<void> {
    const refKey = L.key(L.depPk(d.id), L.REF_SK);
    if (await this.table.get(refKey)) return;
    const sk = L.depSk(d.startedAt, 0, d.id);
    const ttl = this.ttl();
    const changed = [...new Set(steps.filter((s) => changesService(s.state)).map((s) => s.service))];
    // Listing across stacks enumerates lock items; a stack only ever deployed without the lock needs one too.
    const e = new Expr();
    await this.table.update({
      Key: L.lockKey(d.stack),
      UpdateExpression: `SET ${e.n('type')} = ${e.v(S('lock'))}, ${e.n('stack')} = ${e.v(S(d.stack))}`,
      ExpressionAttributeNames: e.names,
      ExpressionAttributeValues: e.values,
    });
    await this.table.put({
      Item: {
        ...L.key(L.stackPk(d.stack), sk),
        ...defined(L.deploymentFields(d)),
        ...(changed.length ? { changed: { SS: changed } } : {}),
        expiresAt: ttl,
      },
    });
    await Promise.all(
      steps.map((s, i) =>
        this.table.put({
          Item: {
            ...L.key(L.depPk(d.id), L.stepSk(s.service)),
            ...defined(L.stepFields(s)),
            ord: S(`${pad(0, 12)}#${pad(i, 16)}`),
            expiresAt: ttl,
          },
        }),
      ),
    );
    await writeEvents();
    const r = new Expr();
    try {
      await this.table.put({
        Item: { ...refKey, type: S('ref'), stack: S(d.stack), depSk: S(sk), expiresAt: ttl },
        ConditionExpression: `attribute_not_exists(${r.n('pk')})`,
        ExpressionAttributeNames: r.names,
      });
    } catch (err) {
      if (!isConditionFailed(err)) throw err; // a concurrent import of the same deployment finished first
    }
  }

  /**
   * Ended deployments older than `before`, with their steps and events. The ref goes last, so an interrupted prune
   * leaves the deployment listed and the next prune finishes it.
   */
  async prune(stack: string, before: number): Promise<number> {
    const e = new Expr();
    const old = await this.table.query({
      KeyConditionExpression: `${e.n('pk')} = ${e.v(S(L.stackPk(stack)))} AND begins_with(${e.n('sk')}, ${e.v(S('dep#'))})`,
      FilterExpression: `attribute_exists(${e.n('endedAt')}) AND ${e.n('endedAt')} < ${e.v(N(before))}`,
      ExpressionAttributeNames: e.names,
      ExpressionAttributeValues: e.values,
    });
    for (const dep of old) {
      const id = str(dep, 'id')!;
      const children = (await this.table.queryPrefix(L.depPk(id), '')).filter(
        (i) => str(i, 'sk') !== L.REF_SK,
      );
      await Promise.all(children.map((c) => this.table.delete(L.key(str(c, 'pk')!, str(c, 'sk')!))));
      await this.table.delete(L.key(L.stackPk(stack), str(dep, 'sk')!));
      await this.table.delete(L.key(L.depPk(id), L.REF_SK));
    }
    return old.length;
  }
}

/** A new item has no REMOVE: leave out the undefined fields. */
export function defined(fields: Record<string, AttributeValue | undefined>): Item {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Item;
}
