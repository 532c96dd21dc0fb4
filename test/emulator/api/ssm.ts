import type { ServiceApi } from './types.js';

/** SSM Parameter Store over AWS JSON 1.1 (`X-Amz-Target: AmazonSSM.Op`). */
export const ssmApi: ServiceApi = {
  name: 'ssm',
  protocol: 'json',
  target: 'AmazonSSM',
  operations: {
    GetParameters: (i, { world }) => world.ssm.getParameters(i),
    GetParameter: (i, { world }) => world.ssm.getParameter(i),
  },
};
