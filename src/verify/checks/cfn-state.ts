import { requireIdentity } from '../aws/identity.js';
import type { Check } from '../types.js';

/**
 * A CloudFormation stack in ROLLBACK_COMPLETE or UPDATE_ROLLBACK_FAILED cannot be updated until a person acts.
 * Checked before the lock is taken, so such a stack never leaves a half-started deployment behind.
 */
const check: Check = {
  id: 'cfn-state',
  passes: 'no CloudFormation stack is in a state that blocks the update',
  targets: ['aws'],
  async run({ stack, env }) {
    const phases = stack.services.filter((s) => s.cloudformation);
    if (!phases.length) return [];
    await requireIdentity(stack);
    // Loaded lazily: only aws stacks with CloudFormation phases pay for the SDK.
    const { createAwsClients } = await import('../../targets/aws/clients.js');
    const { cloudFormationProblems } = await import('../../targets/aws/cfn-phase.js');
    const clients = createAwsClients(stack.aws?.region ? { region: stack.aws.region } : {}, env);
    try {
      const problems = await cloudFormationProblems(
        { clients },
        phases.map((s) => s.cloudformation!.stackName),
      );
      return problems.map((p) => {
        const svc = phases.find((s) => s.cloudformation!.stackName === p.stackName)!;
        return {
          message: p.message,
          fix: p.fix,
          location: stack.locate(['services', svc.name, 'cloudformation', 'stackName']),
        };
      });
    } finally {
      clients.destroy();
    }
  },
};

export default check;
