import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';

/**
 * SSM Parameter Store, as far as task definitions reference parameters. `params` undefined (no `ssmParameters` in
 * the scenario) means every parameter asked for exists, with a made-up value; a list means only those exist.
 * Values are stored so a test can prove that pre-flight never prints one.
 */

export interface ParameterSeed {
  name: string;
  type?: 'String' | 'StringList' | 'SecureString';
  value?: string;
}

interface Parameter {
  name: string;
  type: string;
  value: string;
  modified: number;
}

export class SsmModel {
  private seeded?: Map<string, ParameterSeed>;
  private readonly made = new Map<string, Parameter>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly now: () => number,
  ) {}

  setParameters(list: readonly (string | ParameterSeed)[] | undefined): void {
    this.made.clear();
    this.seeded =
      list &&
      new Map(
        list.map((p) => {
          const seed = typeof p === 'string' ? { name: p } : p;
          return [seed.name, seed];
        }),
      );
  }

  getParameters(input: { Names?: string[]; WithDecryption?: boolean }) {
    const names = input.Names ?? [];
    if (names.length === 0 || names.length > 10)
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: ` +
          `Member must have length ${names.length ? 'less than or equal to 10' : 'greater than or equal to 1'}`,
      );
    const found = names.flatMap((n) => {
      const p = this.find(n);
      return p ? [this.view(p, input.WithDecryption === true)] : [];
    });
    return { Parameters: found, InvalidParameters: names.filter((n) => !this.find(n)) };
  }

  getParameter(input: { Name?: string; WithDecryption?: boolean }) {
    const p = this.find(input.Name ?? '');
    // Real SSM sends ParameterNotFound with no message at all.
    if (!p) throw new AwsError('ParameterNotFound', '');
    return { Parameter: this.view(p, input.WithDecryption === true) };
  }

  /** A name, or an ARN (`…:parameter/name`; a hierarchical `/a/b` is `parameter/a/b`). */
  private find(ref: string): Parameter | undefined {
    const arn = /^arn:aws[a-z-]*:ssm:[^:]*:[^:]*:parameter\/(.+)$/.exec(ref);
    const name = arn ? (arn[1]!.includes('/') ? `/${arn[1]}` : arn[1]!) : ref;
    let p = this.made.get(name);
    if (p) return p;
    const seed = this.seeded ? this.seeded.get(name) : { name };
    if (!seed) return undefined;
    p = {
      name,
      type: seed.type ?? 'SecureString',
      value: seed.value ?? `emulated value of ${name}`,
      modified: this.now(),
    };
    this.made.set(name, p);
    return p;
  }

  private view(p: Parameter, decrypt: boolean) {
    const secure = p.type === 'SecureString' && !decrypt;
    return {
      Name: p.name,
      Type: p.type,
      // Without WithDecryption a SecureString comes back as KMS ciphertext, never as its value.
      Value: secure ? Buffer.from(`kms-ciphertext:${p.name}`).toString('base64') : p.value,
      Version: 1,
      LastModifiedDate: new Date(p.modified),
      ARN: `arn:aws:ssm:${this.ctx.region}:${this.ctx.accountId}:parameter/${p.name.replace(/^\//, '')}`,
      DataType: 'text',
    };
  }
}
