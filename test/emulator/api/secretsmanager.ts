import type { ServiceApi } from './types.js';

/** Secrets Manager over AWS JSON 1.1 (`X-Amz-Target: secretsmanager.Op`): metadata only, never a secret value. */
export const secretsManagerApi: ServiceApi = {
  name: 'secretsmanager',
  protocol: 'json',
  target: 'secretsmanager',
  operations: {
    DescribeSecret: (i, { world }) => world.secretsManager.describeSecret(i),
  },
};
