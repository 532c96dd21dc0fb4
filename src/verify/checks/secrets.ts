import type { Stack } from '../../spec/types.js';
import { describeError, errorCode, secretsManagerClient, ssmClient, withClient } from '../aws/clients.js';
import { requireIdentity } from '../aws/identity.js';
import { secretRefs, type SecretRef } from '../aws/secret-refs.js';
import { taskDefs } from '../aws/taskdefs.js';
import type { Check, Problem } from '../types.js';

type SmRef = Extract<SecretRef, { kind: 'secretsmanager' }>;
type SsmRef = Extract<SecretRef, { kind: 'ssm' }>;

/** undefined: it exists. `missing`: ECS could not use it. `unchecked`: AWS would not say (e.g. access denied). */
type Verdict = { missing: string; fix?: string } | { unchecked: string } | undefined;

/**
 * A missing secret surfaces only when a task starts ("ResourceInitializationError: unable to pull secrets"), after
 * the lock is taken and earlier services have rolled out. Only metadata is read: DescribeSecret never returns a
 * secret's value.
 */
async function secretsManager(
  refs: SmRef[],
  fallbackRegion: string | undefined,
): Promise<Map<string, Verdict>> {
  const out = new Map<string, Verdict>();
  for (const region of new Set(refs.map((r) => r.region || fallbackRegion))) {
    await withClient(secretsManagerClient(region), async (sm) => {
      for (const r of refs.filter((x) => (x.region || fallbackRegion) === region)) {
        try {
          const d = await sm.describeSecret({ SecretId: r.secretId });
          const stages = Object.entries(d.VersionIdsToStages ?? {});
          if (d.DeletedDate)
            out.set(r.ref, {
              missing: `secret ${d.Name ?? r.secretId} is scheduled for deletion: ECS can no longer read it`,
              fix: `restore it (aws secretsmanager restore-secret --secret-id ${d.ARN ?? r.secretId}) or change valueFrom in ${r.td.file}`,
            });
          else if (r.versionId && !stages.some(([id]) => id === r.versionId))
            out.set(r.ref, { missing: `secret ${d.Name ?? r.secretId} has no version ${r.versionId}` });
          else if (r.versionStage && !stages.some(([, st]) => st.includes(r.versionStage!)))
            out.set(r.ref, {
              missing: `no version of secret ${d.Name ?? r.secretId} has the stage ${r.versionStage}`,
            });
          else out.set(r.ref, undefined);
        } catch (err) {
          out.set(
            r.ref,
            errorCode(err) === 'ResourceNotFoundException'
              ? {
                  missing: `Secrets Manager has no secret ${r.secretId.split(':')[6] ?? r.secretId} (${describeError(err)})`,
                }
              : { unchecked: `DescribeSecret ${r.secretId}: ${describeError(err)}` },
          );
        }
      }
    });
  }
  return out;
}

/**
 * GetParameters rather than GetParameter or DescribeParameters: it takes names and ARNs (shared parameters need the
 * ARN), ten per call, and lists the missing ones in InvalidParameters instead of failing, so one missing name does not
 * hide the others; it is also the call ECS itself makes. Without WithDecryption a SecureString comes back encrypted,
 * so the deployer needs no kms:Decrypt, and the values returned are never read: only `InvalidParameters` is.
 */
async function ssm(refs: SsmRef[], fallbackRegion: string | undefined): Promise<Map<string, Verdict>> {
  const out = new Map<string, Verdict>();
  for (const region of new Set(refs.map((r) => r.region ?? fallbackRegion))) {
    const names = refs.filter((r) => (r.region ?? fallbackRegion) === region).map((r) => r.ref);
    await withClient(ssmClient(region), async (api) => {
      for (let i = 0; i < names.length; i += 10) {
        const batch = names.slice(i, i + 10);
        try {
          const res = await api.getParameters({ Names: batch, WithDecryption: false });
          const invalid = new Set(res.InvalidParameters ?? []);
          for (const n of batch)
            out.set(n, invalid.has(n) ? { missing: `SSM Parameter Store has no parameter ${n}` } : undefined);
        } catch (err) {
          for (const n of batch) out.set(n, { unchecked: `GetParameters ${n}: ${describeError(err)}` });
        }
      }
    });
  }
  return out;
}

/** `arn:…:secret:prod/db-AbCdEf` → `prod/db`; a name stays as it is. */
const secretName = (id: string) => id.split(':')[6]?.replace(/-[A-Za-z0-9]{6}$/, '') ?? id;

function problem(r: SecretRef, v: NonNullable<Verdict>, region: string | undefined, caller: string): Problem {
  const used = r.uses.join('; ');
  if ('missing' in v)
    return {
      message: `${used}: valueFrom ${r.ref}: ${v.missing}${region && r.kind === 'ssm' && !r.region ? ` in ${region}` : ''}`,
      fix:
        v.fix ??
        (r.kind === 'secretsmanager'
          ? `create the secret (aws secretsmanager create-secret --name ${secretName(r.secretId)}) or change valueFrom in ${r.td.file} ` +
            'to the full ARN of an existing secret (aws secretsmanager list-secrets)'
          : `create the parameter (aws ssm put-parameter --name ${r.ref} --type SecureString ...) or change ` +
            `valueFrom in ${r.td.file} to an existing parameter`),
      location: r.td.location,
    };
  const action = r.kind === 'secretsmanager' ? 'secretsmanager:DescribeSecret' : 'ssm:GetParameters';
  return {
    message: `${used}: could not check valueFrom ${r.ref}: ${v.unchecked}`,
    fix: `allow ${action} on it for ${caller}, or deploy with --skip-verify if you are sure it exists`,
    location: r.td.location,
  };
}

async function run(stack: Stack): Promise<Problem[]> {
  const refs = secretRefs(taskDefs(stack));
  if (!refs.length) return [];
  const who = await requireIdentity(stack);
  const region = who.region || stack.aws?.region;
  const sm = refs.filter((r): r is SmRef => r.kind === 'secretsmanager');
  const ps = refs.filter((r): r is SsmRef => r.kind === 'ssm');
  const verdicts = new Map([
    ...(sm.length ? await secretsManager(sm, region) : []),
    ...(ps.length ? await ssm(ps, region) : []),
  ]);
  return refs.flatMap((r) => {
    const v = verdicts.get(r.ref);
    return v ? [problem(r, v, region, who.arn)] : [];
  });
}

const check: Check = {
  id: 'secrets',
  passes: 'every secret and parameter the task definitions reference exists',
  targets: ['aws'],
  run: ({ stack }) => run(stack),
};

export default check;
