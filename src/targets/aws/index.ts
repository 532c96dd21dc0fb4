import type { TargetModule } from '../module.js';
import { extractAwsEvidence, isAwsCapture } from './extract.js';

/**
 * The `aws` target: ECS services and jobs from a service's `aws` block (task definition, service definition and
 * RunTask files), CloudFormation phases from its `cloudformation` block.
 */
export const awsTarget: TargetModule = {
  kind: 'aws',
  serviceBlocks: ['aws', 'cloudformation'],

  // A block the service does not use is left out, so adding one never changes existing revisions.
  revisionInputs: (s) => ({
    ...(s.aws
      ? {
          aws: {
            ...s.aws,
            taskDefinitionFile: undefined,
            serviceDefinitionFile: undefined,
            runTaskFile: undefined,
          },
        }
      : {}),
    // Outputs are what the stack gave back, and protect a policy of the gate: neither is deployed.
    ...(s.cloudformation
      ? {
          cloudformation: {
            ...s.cloudformation,
            templateFile: undefined,
            outputs: undefined,
            protect: undefined,
          },
        }
      : {}),
  }),

  // A changed task definition or template is "configuration changed": its JSON is the user's, not ours.
  changeReasons: () => [],

  // The aws blocks mark no value secret: ECS tasks get their secrets by reference (`secrets: [{ valueFrom }]`).
  secretValues: () => [],

  recognises: isAwsCapture,
  extractEvidence: extractAwsEvidence,

  async open(stack, { clock, readOnly, env, allowReplace }) {
    // The AWS SDK takes about a second to import: only a stack that deploys to aws pays it.
    const { createAwsTarget } = await import('./aws-target.js');
    // Only a deployment refuses a stack a person must repair; status and logs still show it.
    const aws = createAwsTarget({
      stack,
      clock,
      refuseBrokenStacks: !readOnly,
      env,
      allowReplace,
      ...(Number(env.CONVOY_AWS_POLL_MS) ? { pollMs: Number(env.CONVOY_AWS_POLL_MS) } : {}),
      ...(env.CONVOY_AWS_CALLS_FILE ? { callsFile: env.CONVOY_AWS_CALLS_FILE } : {}),
    });
    return { target: aws, close: () => aws.close() };
  },
};
