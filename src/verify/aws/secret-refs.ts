import type { TaskDef } from './taskdefs.js';
import { where } from './taskdefs.js';

/**
 * Where a task definition's secrets come from, parsed the way ECS reads `valueFrom`: a Secrets Manager ARN
 * (`arn:aws:secretsmanager:region:account:secret:name-AbCdEf[:json-key:version-stage:version-id]`), an SSM
 * parameter ARN (`arn:aws:ssm:region:account:parameter/name`), or otherwise an SSM parameter name in the task's region.
 */

export type ParsedRef =
  | {
      kind: 'secretsmanager';
      ref: string;
      /** The secret's ARN without the json-key / version suffix: what DescribeSecret takes. */
      secretId: string;
      /** From the ARN; undefined for a Parameter Store reference, which lives in the task's region. */
      region?: string;
      versionStage?: string;
      versionId?: string;
    }
  | { kind: 'ssm'; ref: string; region?: string };

/** A reference and where it is used: each use as `service: file, container c, secret NAME`; `td` is the first. */
export type SecretRef = ParsedRef & { uses: string[]; td: TaskDef };

const SM_ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):\d{12}:parameter\//;
const SM_VIA_SSM = '/aws/reference/secretsmanager/';

export function parseRef(ref: string): ParsedRef {
  const sm = SM_ARN.exec(ref);
  if (sm) {
    // Secret names cannot contain ":", so the first seven fields are the ARN and the rest is the suffix.
    const parts = ref.split(':');
    return {
      kind: 'secretsmanager',
      ref,
      secretId: parts.slice(0, 7).join(':'),
      region: sm[1]!,
      versionStage: parts[8] || undefined,
      versionId: parts[9] || undefined,
    };
  }
  // Parameter Store's window onto Secrets Manager: GetParameters refuses it without decryption, DescribeSecret does not.
  if (ref.startsWith(SM_VIA_SSM))
    return { kind: 'secretsmanager', ref, secretId: ref.slice(SM_VIA_SSM.length) };
  const ssm = SSM_ARN.exec(ref);
  return { kind: 'ssm', ref, region: ssm?.[1] };
}

/** Every secret reference of the stack, one entry per distinct `valueFrom`, with each place that uses it. */
export function secretRefs(tds: TaskDef[]): SecretRef[] {
  const refs = new Map<string, SecretRef>();
  const add = (td: TaskDef, ref: string | undefined, use: string) => {
    if (!ref) return;
    const r = refs.get(ref) ?? { ...parseRef(ref), uses: [], td };
    r.uses.push(use);
    refs.set(ref, r);
  };
  for (const td of tds) {
    for (const c of td.containers) {
      const at = `${td.service.name}: ${where(td, c)}`;
      for (const s of c.secrets ?? []) add(td, s.valueFrom, `${at}, secret ${s.name ?? '?'}`);
      for (const s of c.logConfiguration?.secretOptions ?? [])
        add(td, s.valueFrom, `${at}, log secret option ${s.name ?? '?'}`);
      add(td, c.repositoryCredentials?.credentialsParameter, `${at}, repositoryCredentials`);
    }
  }
  return [...refs.values()];
}
