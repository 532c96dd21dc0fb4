import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { ExitCode, InvalidInputError, SecretUnavailableError } from '../../src/errors.js';
import { revisionOf } from '../../src/plan/revision.js';
import { loadStack } from '../../src/spec/load.js';
import { sealService, unsealService } from '../../src/spec/secrets.js';
import type { Service } from '../../src/spec/types.js';
import { writeStack } from './fixtures.js';

const TOKEN = 'tok-3f9a-planted';

const file = writeStack(`stack: s
services:
  api:
    local:
      command: node
      env:
        PORT: '8080'
        API_TOKEN: { value: '\${API_TOKEN}', secret: true }
        AUTH: 'Bearer \${API_TOKEN}'
        PINNED: { value: 'written-out-secret', secret: true }
`);
const api = (env: Record<string, string>) => loadStack(file, { env }).services[0]!;

describe('secrets: sealed for the store, resolved again for a rollback', () => {
  it('seals every secret and every value holding one, keeping where each comes from', () => {
    const sealed = sealService(api({ API_TOKEN: TOKEN }));
    const text = JSON.stringify(sealed);
    for (const s of [TOKEN, 'written-out-secret']) assert.ok(!text.includes(s), s);
    assert.deepEqual(sealed.local?.env, {
      PORT: { value: '8080', secret: false },
      API_TOKEN: { value: '', secret: true, source: '${API_TOKEN}', sealed: true },
      AUTH: { value: '', secret: false, source: 'Bearer ${API_TOKEN}', sealed: true },
      PINNED: { value: '', secret: true, sealed: true },
    });
  });

  it('resolves a sealed service to the one deployed, and its revision is the same', () => {
    const loaded = api({ API_TOKEN: TOKEN });
    const back = unsealService(sealService(loaded), { env: { API_TOKEN: TOKEN }, current: loaded });
    assert.deepEqual(back, loaded);
    assert.equal(revisionOf(back), revisionOf(loaded));
  });

  it('a source is bookkeeping: it does not change a revision', () => {
    const loaded = api({ API_TOKEN: TOKEN });
    const env = Object.fromEntries(
      Object.entries(loaded.local!.env).map(([k, e]) => [k, { value: e.value, secret: e.secret }]),
    );
    const bare: Service = { ...loaded, local: { ...loaded.local!, env } };
    assert.equal(revisionOf(bare), revisionOf(loaded));
  });

  it('a missing variable is a SecretUnavailableError naming service, entry and variable, exit 3', () => {
    const loaded = api({ API_TOKEN: TOKEN });
    assert.throws(
      () => unsealService(sealService(loaded), { env: {}, current: loaded }),
      (err: unknown) =>
        err instanceof SecretUnavailableError &&
        err.exitCode === ExitCode.invalidInput &&
        /service api needs the secret API_TOKEN from \$\{API_TOKEN\} \(variable API_TOKEN is not set\)/.test(
          err.message,
        ) &&
        /Set API_TOKEN and run it again/.test(err.message) &&
        !err.message.includes(TOKEN),
    );
  });

  it('a secret written out in the file comes from the file as it is now, or is missing', () => {
    const loaded = api({ API_TOKEN: TOKEN });
    const sealed = sealService(loaded);
    assert.equal(
      unsealService(sealed, { env: { API_TOKEN: TOKEN }, current: loaded }).local?.env.PINNED?.value,
      'written-out-secret',
    );
    assert.throws(
      () => unsealService(sealed, { env: { API_TOKEN: TOKEN } }),
      /PINNED \(written in the stack file, which no longer has it\)/,
    );
  });

  it('the loaded stack unseals with the environment it was loaded with', () => {
    const stack = loadStack(file, { env: { API_TOKEN: TOKEN } });
    const sealed = sealService(stack.services[0]!);
    assert.equal(stack.unseal(sealed).local?.env.API_TOKEN?.value, TOKEN);
  });
});

describe('secrets: the opt-in encrypted copy (store.secretCopyKey)', () => {
  /** A folder with a copy key; `stack(variable)` writes a stack file in it whose API_TOKEN comes from `variable`. */
  const keyed = (key: string, mode = 0o600) => {
    const dir = dirname(writeStack('stack: unused\n'));
    writeFileSync(join(dir, 'copy.key'), `${key}\n`);
    chmodSync(join(dir, 'copy.key'), mode);
    let n = 0;
    return (variable: string) => {
      const f = join(dir, `convoy-${++n}.yaml`);
      writeFileSync(
        f,
        `stack: s
store: { secretCopyKey: copy.key }
services:
  api:
    local:
      command: node
      env: { API_TOKEN: { value: '\${${variable}}', secret: true } }
`,
      );
      return f;
    };
  };

  it('keeps an encrypted copy, never the value; a rollback uses it only when the source is gone', () => {
    const stack = keyed('ab'.repeat(32));
    const sealed = sealService(loadStack(stack('API_TOKEN'), { env: { API_TOKEN: TOKEN } }).services[0]!);
    assert.ok(!JSON.stringify(sealed).includes(TOKEN));
    assert.match(String(sealed.local?.env.API_TOKEN?.copy), /^v1\./);
    const later = stack('NEW_TOKEN');
    const rotated = loadStack(later, { env: { NEW_TOKEN: 'n', API_TOKEN: 'rotated' } });
    assert.equal(rotated.unseal(sealed).local?.env.API_TOKEN?.value, 'rotated', 'the source comes first');
    const gone = loadStack(later, { env: { NEW_TOKEN: 'n' } });
    assert.equal(gone.unseal(sealed).local?.env.API_TOKEN?.value, TOKEN);
  });

  it('another key cannot open the copy: the rollback says what is missing', () => {
    const sealed = sealService(
      loadStack(keyed('ab'.repeat(32))('API_TOKEN'), { env: { API_TOKEN: TOKEN } }).services[0]!,
    );
    const other = loadStack(keyed('cd'.repeat(32))('NEW_TOKEN'), { env: { NEW_TOKEN: 'n' } });
    assert.throws(() => other.unseal(sealed), SecretUnavailableError);
  });

  it('a key file others may read is refused, naming the field', () => {
    assert.throws(
      () => loadStack(keyed('ab'.repeat(32), 0o644)('API_TOKEN'), { env: { API_TOKEN: TOKEN } }),
      (err: unknown) =>
        err instanceof InvalidInputError &&
        /store\.secretCopyKey: the secret copy key .* may be read by others \(mode 644\)/.test(err.message),
    );
  });
});
