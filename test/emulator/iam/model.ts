import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import { stableChars, UPPER } from '../core/stable.js';

/**
 * IAM roles, only as far as ECS task definitions name them: whether a role exists, and what GetRole says about it.
 * `names` undefined (no `iam.roles` in the scenario) means every role exists, so a stack that references any role
 * deploys; a list means only those exist.
 */

const ECS_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export class IamModel {
  private names?: Set<string>;
  private readonly created = new Map<string, number>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly now: () => number,
  ) {}

  setRoles(names: readonly string[] | undefined): void {
    this.names = names && new Set(names);
  }

  getRole(input: { RoleName?: string }) {
    const name = input.RoleName ?? '';
    if (!ROLE_NAME.test(name))
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: ` +
          'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
      );
    if (this.names && !this.names.has(name))
      throw new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    if (!this.created.has(name)) this.created.set(name, this.now());
    return {
      Role: {
        Path: '/',
        RoleName: name,
        RoleId: `AROA${stableChars(name, 17, UPPER)}`,
        Arn: `arn:aws:iam::${this.ctx.accountId}:role/${name}`,
        CreateDate: new Date(this.created.get(name)!),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(ECS_TRUST)),
        MaxSessionDuration: 3600,
        RoleLastUsed: {},
      },
    };
  }
}
