import type { ServiceApi } from './types.js';

/** IAM over the query protocol (XML replies), as @aws-sdk/client-iam sends it: GetRole for the pre-flight checks. */
export const iamApi: ServiceApi = {
  name: 'iam',
  protocol: 'query',
  target: '2010-05-08',
  xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
  operations: {
    GetRole: (i, { world }) => world.iam.getRole(i),
  },
};
