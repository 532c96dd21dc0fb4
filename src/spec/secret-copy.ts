import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { InvalidInputError, type SourceLocation } from '../errors.js';

/*
 * The opt-in encrypted copy of a secret (README "Secrets", `store.secretCopyKey`): AES-256-GCM with a key kept in a
 * file of the user's, never in the store, so a rollback whose source is gone can still start its revision. Each
 * copy is bound to its stack, service and entry, so one cannot stand in for another.
 */

/** The key and the stack it seals for. */
export interface CopyKey {
  key: Buffer;
  stack: string;
}

const VERSION = 'v1';

/** 32 bytes as 64 hex digits, in a file only its owner may read. */
export function readCopyKey(file: string, at: SourceLocation): Buffer {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    throw new InvalidInputError(
      `the secret copy key ${file} does not exist`,
      at,
      `create it with: (umask 077; openssl rand -hex 32 > ${file})`,
    );
  }
  if (mode & 0o077)
    throw new InvalidInputError(
      `the secret copy key ${file} may be read by others (mode ${mode.toString(8)})`,
      at,
      `chmod 600 ${file}`,
    );
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new InvalidInputError(`the secret copy key ${file} must hold 64 hex digits (32 bytes)`, at);
  return Buffer.from(hex, 'hex');
}

const aad = (k: CopyKey, service: string, entry: string) => Buffer.from(`${k.stack}\0${service}\0${entry}`);

export function encryptCopy(k: CopyKey, service: string, entry: string, value: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k.key, iv).setAAD(aad(k, service, entry));
  const body = Buffer.concat([c.update(value, 'utf8'), c.final()]);
  return [VERSION, iv, c.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('.');
}

/** The value, or undefined when the copy was made with another key (or for another entry). */
export function decryptCopy(k: CopyKey, service: string, entry: string, copy: string): string | undefined {
  const [version, iv, tag, body] = copy.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', k.key, Buffer.from(iv, 'base64')).setAAD(
      aad(k, service, entry),
    );
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
