import { createHash } from 'node:crypto';

/**
 * Characters derived from a name, for IDs of resources that exist "because they were asked for" (a world without a
 * list of roles or secrets): the same name always gets the same ID, whatever order requests come in.
 */
export function stableChars(name: string, n: number, alphabet: string): string {
  const bytes = createHash('sha256').update(name).digest();
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[bytes[i % bytes.length]! % alphabet.length];
  return s;
}

export const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
