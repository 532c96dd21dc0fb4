import type { ServiceApi } from './types.js';

/** STS GetCallerIdentity, so credential checks and account lookups work against the emulator. */
export const stsApi: ServiceApi = {
  name: 'sts',
  protocol: 'query',
  target: '2011-06-15',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  operations: {
    GetCallerIdentity: (_i, { world }) => ({
      UserId: 'AIDAEMULATOREXAMPLE01',
      Account: world.ctx.accountId,
      Arn: `arn:aws:iam::${world.ctx.accountId}:user/${world.ctx.userName}`,
    }),
  },
};
