import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { StoredPauseDecision } from '../store.js';
import { Expr, N, S, num, pad, str, type Item } from './expr.js';
import { depPk, key } from './layout.js';
import { isConditionFailed, type Table } from './table.js';

/** Item `dep#<id>` / `pause#<wave:4>#<stage>`: the decision at one pause, pruned with its deployment. */
const pauseSk = (wave: number, stage: string) => `pause#${pad(wave, 4)}#${stage}`;

function toDecision(item: Item): StoredPauseDecision {
  return {
    stack: str(item, 'stack')!,
    deploymentId: str(item, 'deploymentId')!,
    wave: num(item, 'wave')!,
    stage: str(item, 'stage')!,
    services: JSON.parse(str(item, 'services') ?? '[]') as string[],
    action: str(item, 'action') as StoredPauseDecision['action'],
    by: str(item, 'by')!,
    at: num(item, 'at')!,
  };
}

export async function getPauseDecision(
  table: Table,
  deploymentId: string,
  wave: number,
  stage: string,
): Promise<StoredPauseDecision | undefined> {
  const item = await table.get(key(depPk(deploymentId), pauseSk(wave, stage)));
  return item && toDecision(item);
}

/** A put conditioned on the item not existing: the first writer wins; a loser reads the winner back. */
export async function recordPauseDecision(
  table: Table,
  d: StoredPauseDecision,
  expiresAt: AttributeValue,
): Promise<{ recorded: boolean; decision: StoredPauseDecision }> {
  const e = new Expr();
  try {
    await table.put({
      Item: {
        ...key(depPk(d.deploymentId), pauseSk(d.wave, d.stage)),
        type: S('pause'),
        stack: S(d.stack),
        deploymentId: S(d.deploymentId),
        wave: N(d.wave),
        stage: S(d.stage),
        services: S(JSON.stringify(d.services)),
        action: S(d.action),
        by: S(d.by),
        at: N(d.at),
        expiresAt,
      },
      ConditionExpression: `attribute_not_exists(${e.n('pk')})`,
      ExpressionAttributeNames: e.names,
    });
    return { recorded: true, decision: d };
  } catch (err) {
    if (!isConditionFailed(err)) throw err;
    const winner = await getPauseDecision(table, d.deploymentId, d.wave, d.stage);
    return { recorded: false, decision: winner! };
  }
}
