/**
 * Scheme 1 signatures (128 MinHash permutations of 32 bits, stored as `site base64`): only
 * what is needed to take such an entry out of its LSH buckets when its record is signed again.
 */
import { fmix } from './minhash.js';

/** The scheme 1 buckets of a stored scheme 1 value (`site base64`), or none when it is not one. */
export function legacyBucketsOf(value: string): string[] {
  const buf = Buffer.from(value.split(' ')[1] ?? '', 'base64');
  if (buf.length !== 128 * 4) return [];
  const out: string[] = [];
  for (let b = 0; b < 64; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < 2; r++) h = fmix(Math.imul(h ^ buf.readUInt32LE((b * 2 + r) * 4), 0x01000193));
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}
