import { isUnreachable } from '../aws/clients.js';
import { callerIdentity } from '../aws/identity.js';
import type { Check } from '../types.js';

/**
 * Everything on the aws target needs working credentials; without them every other call fails with a less helpful
 * error. The answer is shared with the other aws checks (aws/identity.ts), which stay silent when this one fails.
 */
const check: Check = {
  id: 'aws-credentials',
  passes: 'AWS credentials work (STS GetCallerIdentity)',
  targets: ['aws'],
  async run({ stack, env }) {
    const who = await callerIdentity(stack);
    if (who.ok) return [];
    const region = who.region
      ? `in ${who.region}${stack.aws?.region ? ' (aws.region)' : ''}`
      : 'with no region set';
    const endpoint = env.AWS_ENDPOINT_URL ? ` at AWS_ENDPOINT_URL=${env.AWS_ENDPOINT_URL}` : '';
    const verify = `aws sts get-caller-identity${who.region ? ` --region ${who.region}` : ''}`;
    let fix =
      `set AWS_PROFILE to a profile with access, run \`aws sso login\` if it uses SSO, or export ` +
      `AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; then check with \`${verify}\``;
    if (/region is missing/i.test(who.error))
      fix = 'set aws.region in the stack file or export AWS_REGION (or set region in your AWS_PROFILE)';
    else if (isUnreachable(who.error))
      fix = env.AWS_ENDPOINT_URL
        ? `nothing answers at AWS_ENDPOINT_URL=${env.AWS_ENDPOINT_URL}: start it or unset the variable`
        : `check the network, proxy (HTTPS_PROXY) and region; then check with \`${verify}\``;
    return [
      {
        message: `AWS credentials do not work ${region}${endpoint}: ${who.error}`,
        fix,
        location: stack.locate(stack.aws?.region ? ['aws', 'region'] : ['target']),
      },
    ];
  },
};

export default check;
