import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import { ALNUM, stableChars } from '../core/stable.js';

/**
 * Secrets Manager metadata, as far as task definitions reference secrets: whether a secret exists and what
 * DescribeSecret says about it. There are no values here at all. `names` undefined (no `secrets` in the scenario)
 * means every secret asked for exists; a list means only those do. A listed name matches its bare name, a partial
 * ARN and a full ARN with any six-character suffix, since real suffixes are random and a scenario cannot know them.
 */

const SUFFIX = /-[A-Za-z0-9]{6}$/;
const HEX = '0123456789abcdef';

const notFound = () =>
  new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

export class SecretsManagerModel {
  private names?: Set<string>;
  private readonly deleted = new Set<string>();
  private readonly created = new Map<string, number>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly now: () => number,
  ) {}

  /** `deleted`: scheduled for deletion (DeleteSecret with a recovery window): still described, no longer usable. */
  setSecrets(list: readonly (string | { name: string; deleted?: boolean })[] | undefined): void {
    this.deleted.clear();
    const seeds = list?.map((x) => (typeof x === 'string' ? { name: x } : x));
    for (const x of seeds ?? []) if (x.deleted) this.deleted.add(x.name);
    this.names = seeds && new Set(seeds.map((x) => x.name));
  }

  describeSecret(input: { SecretId?: string }) {
    const id = input.SecretId ?? '';
    if (!id) throw new AwsError('InvalidParameterException', 'You must provide a value for SecretId.');
    const { name, arn } = this.resolve(id);
    if (!this.created.has(name)) this.created.set(name, this.now());
    const created = new Date(this.created.get(name)!);
    const version = stableChars(`${name}/v1`, 32, HEX);
    const versionId = `${version.slice(0, 8)}-${version.slice(8, 12)}-${version.slice(12, 16)}-${version.slice(16, 20)}-${version.slice(20)}`;
    return {
      ARN: arn,
      Name: name,
      LastChangedDate: created,
      CreatedDate: created,
      VersionIdsToStages: { [versionId]: ['AWSCURRENT'] },
      ...(this.deleted.has(name) ? { DeletedDate: created } : {}),
    };
  }

  /** The secret a SecretId names (a name, a partial ARN or a full ARN), or ResourceNotFoundException. */
  private resolve(id: string): { name: string; arn: string } {
    const arn = /^arn:aws[a-z-]*:secretsmanager:[^:]*:[^:]*:secret:([^:]+)$/.exec(id);
    const given = arn?.[1] ?? id;
    const stripped = arn && SUFFIX.test(given) ? given.replace(SUFFIX, '') : undefined;
    const exists = (n: string) => !this.names || this.names.has(n);
    if (stripped !== undefined && exists(stripped)) return { name: stripped, arn: id };
    if (!exists(given)) throw notFound();
    return { name: given, arn: this.arn(given) };
  }

  private arn(name: string): string {
    return `arn:aws:secretsmanager:${this.ctx.region}:${this.ctx.accountId}:secret:${name}-${stableChars(name, 6, ALNUM)}`;
  }
}
