import { describeError, errorCode, iamClient, withClient } from '../aws/clients.js';
import { callerIdentity } from '../aws/identity.js';
import { isFargate, taskDefs, where, type TaskDef } from '../aws/taskdefs.js';
import { NotChecked, type Check, type Problem } from '../types.js';

type Field = 'executionRoleArn' | 'taskRoleArn';

interface RoleRef {
  /** As written: an ARN or a bare role name. */
  ref: string;
  name: string;
  /** From the ARN; undefined for a bare name (ECS takes it as the caller's account). */
  account?: string;
  field: Field;
  uses: TaskDef[];
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const ECR_IMAGE = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\//;

function roleRefs(tds: TaskDef[]): RoleRef[] {
  const refs = new Map<string, RoleRef>();
  for (const td of tds) {
    for (const field of ['executionRoleArn', 'taskRoleArn'] as const) {
      const ref = td[field];
      if (!ref) continue;
      const m = ROLE_ARN.exec(ref);
      const key = `${field}\0${ref}`;
      const r = refs.get(key) ?? { ref, name: m?.[2] ?? ref, account: m?.[1], field, uses: [] };
      r.uses.push(td);
      refs.set(key, r);
    }
  }
  return [...refs.values()];
}

/** What in a task definition makes ECS itself act on the task's behalf, which needs an execution role. */
function needsExecutionRole(td: TaskDef): string[] {
  const why = new Set<string>();
  const fargate = isFargate(td);
  for (const c of td.containers) {
    const who = `container ${c.name ?? '?'}`;
    if (c.secrets?.length || c.logConfiguration?.secretOptions?.length) why.add(`${who} uses secrets`);
    if (c.repositoryCredentials?.credentialsParameter) why.add(`${who} uses repositoryCredentials`);
    // On EC2 the container instance's role can pull from ECR and write logs; on Fargate nothing else can.
    if (fargate && c.image && ECR_IMAGE.test(c.image)) why.add(`${who} pulls its image from ECR`);
    if (fargate && c.logConfiguration?.logDriver === 'awslogs') why.add(`${who} logs with awslogs`);
  }
  return [...why];
}

function missingExecutionRole(td: TaskDef, account: string | undefined): Problem | undefined {
  if (td.executionRoleArn) return undefined;
  const why = needsExecutionRole(td);
  if (!why.length) return undefined;
  return {
    message:
      `${td.service.name}: ${td.file} has no executionRoleArn, but ${why.join(', ')}: ` +
      'ECS fetches those with the execution role, so the task would not start',
    fix:
      `add "executionRoleArn": "arn:aws:iam::${account || 'ACCOUNT_ID'}:role/ecsTaskExecutionRole" to ${td.file} ` +
      '(a role ecs-tasks.amazonaws.com can assume, with the AmazonECSTaskExecutionRolePolicy managed policy)',
    location: td.location,
  };
}

const files = (r: RoleRef) => [...new Set(r.uses.map((td) => where(td)))].join(', ');
/** `api, web: taskRoleArn in api.task.json` — which services, which field, which files. */
const users = (r: RoleRef) =>
  `${[...new Set(r.uses.map((td) => td.service.name))].join(', ')}: ${r.field} in ${files(r)}`;

/**
 * A missing role fails late: RegisterTaskDefinition accepts any well-formed ARN, and the task then never starts
 * ("ECS was unable to assume the role"). GetRole asks IAM directly; roles are only looked up in the caller's account.
 */
const check: Check = {
  id: 'iam-roles',
  passes: 'every executionRoleArn and taskRoleArn names an IAM role that exists',
  targets: ['aws'],
  async run({ stack }) {
    const tds = taskDefs(stack);
    if (!tds.length) return [];
    const who = await callerIdentity(stack);
    const problems: Problem[] = tds.flatMap(
      (td) => missingExecutionRole(td, who.ok ? who.account : undefined) ?? [],
    );
    if (!who.ok) {
      // The checks above need no API; the rest cannot run, and aws-credentials says why.
      if (problems.length) return problems;
      throw new NotChecked('the AWS credentials do not work (see aws-credentials)');
    }
    const refs = roleRefs(tds);
    const toAsk: RoleRef[] = [];
    for (const r of refs) {
      if (r.account && who.account && r.account !== who.account) {
        problems.push({
          message:
            `${users(r)}: ${r.ref} is in account ${r.account}, but the credentials are for ` +
            `account ${who.account} (${who.arn}): ECS only uses roles of the account the task runs in`,
          fix: `use a role of account ${who.account} in ${r.field}, or deploy with credentials for account ${r.account}`,
          location: r.uses[0]!.location,
        });
      } else toAsk.push(r);
    }
    if (!toAsk.length) return problems;
    const found = new Map<string, unknown>();
    await withClient(iamClient(stack.aws?.region), async (iam) => {
      for (const name of new Set(toAsk.map((r) => r.name))) {
        try {
          await iam.getRole({ RoleName: name });
          found.set(name, true);
        } catch (err) {
          found.set(name, err);
        }
      }
    });
    for (const r of toAsk) {
      const err = found.get(r.name);
      if (err === true) continue;
      const missing = errorCode(err) === 'NoSuchEntity' || errorCode(err) === 'NoSuchEntityException';
      problems.push(
        missing
          ? {
              message: `${users(r)}: IAM role ${r.name} does not exist in account ${who.account} (${describeError(err)})`,
              fix:
                `create the role ${r.name} (trusting ecs-tasks.amazonaws.com) or change ${r.field} in ` +
                `${files(r)} to an existing role (aws iam list-roles)`,
              location: r.uses[0]!.location,
            }
          : {
              message: `${users(r)}: could not look up IAM role ${r.name}: ${describeError(err)}`,
              fix: `allow iam:GetRole on ${r.name} for ${who.arn}, or deploy with --skip-verify if you are sure the role exists`,
              location: r.uses[0]!.location,
            },
      );
    }
    return problems;
  },
};

export default check;
