import { bool, list } from '../protocol/query.js';
import type { ServiceApi } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- query input is decoded generically */

/** Query input → the model's input: lists from `member` entries (or empty), booleans from strings. */
function normalise(i: Record<string, any>): Record<string, any> {
  return {
    ...i,
    Parameters: list<Record<string, any>>(i.Parameters).map((p) => ({
      ...p,
      UsePreviousValue: bool(p.UsePreviousValue),
    })),
    Capabilities: list(i.Capabilities),
    Tags: list(i.Tags),
    ResourcesToSkip: list(i.ResourcesToSkip),
    StackStatusFilter: list(i.StackStatusFilter),
    UsePreviousTemplate: bool(i.UsePreviousTemplate),
    DisableRollback: bool(i.DisableRollback),
  };
}

export const cfnApi: ServiceApi = {
  name: 'cloudformation',
  protocol: 'query',
  target: '2010-05-15',
  xmlns: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  operations: Object.fromEntries(
    (
      [
        ['CreateStack', 'createStack'],
        ['UpdateStack', 'updateStack'],
        ['DeleteStack', 'deleteStack'],
        ['DescribeStacks', 'describeStacks'],
        ['ListStacks', 'listStacks'],
        ['DescribeStackEvents', 'describeStackEvents'],
        ['DescribeStackResources', 'describeStackResources'],
        ['DescribeStackResource', 'describeStackResource'],
        ['ListStackResources', 'listStackResources'],
        ['GetTemplate', 'getTemplate'],
        ['ValidateTemplate', 'validateTemplate'],
        ['CreateChangeSet', 'createChangeSet'],
        ['DescribeChangeSet', 'describeChangeSet'],
        ['ListChangeSets', 'listChangeSets'],
        ['DeleteChangeSet', 'deleteChangeSet'],
        ['ExecuteChangeSet', 'executeChangeSet'],
        ['CancelUpdateStack', 'cancelUpdateStack'],
        ['ContinueUpdateRollback', 'continueUpdateRollback'],
      ] as const
    ).map(([op, method]) => [op, (i: Record<string, any>, { world }) => world.cfn[method](normalise(i))]),
  ),
};
