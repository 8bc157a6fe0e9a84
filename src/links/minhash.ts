import { foldTypography } from '../changes/typography.js';

/** Hash functions in a signature. @defaultValue 128 */
export const PERMUTATIONS = 128;
/** LSH bands (PERMUTATIONS = BANDS × rows): two texts share a bucket when one band's rows all agree. */
export const BANDS = 64;
const ROWS = PERMUTATIONS / BANDS;
/** Words per shingle. */
export const SHINGLE = 4;

/** Murmur3's finaliser: spreads a 32-bit value's bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over a string's UTF-16 units, finalised. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

// Fixed, so signatures made by any process at any time compare: (a·x + b) mod 2³² with odd a.
const A = new Uint32Array(PERMUTATIONS);
const B = new Uint32Array(PERMUTATIONS);
for (let i = 0, s = 0x9e3779b9; i < PERMUTATIONS; i++) {
  s = fmix(s + i + 1);
  A[i] = s | 1;
  s = fmix(s ^ 0x5bd1e995);
  B[i] = s;
}

/** The words a text is compared on: typography folded, lower case, accents removed. */
export function wordsForLinking(text: string): string[] {
  return (
    foldTypography(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The hashes of a text's word shingles (runs of SHINGLE words), without repeats. */
export function shingles(text: string): Uint32Array {
  const words = wordsForLinking(text);
  const out = new Set<number>();
  if (words.length > 0 && words.length < SHINGLE) out.add(hashString(words.join(' ')));
  for (let i = 0; i + SHINGLE <= words.length; i++)
    out.add(hashString(words.slice(i, i + SHINGLE).join(' ')));
  return Uint32Array.from(out);
}

/**
 * The MinHash signature of a text: for each of PERMUTATIONS hash functions, the least hash of
 * its shingles. The share of positions where two signatures agree estimates the Jaccard
 * similarity of the two texts' shingle sets. An empty text has a signature that matches nothing.
 */
export function signatureOf(text: string): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const x of shingles(text)) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = (Math.imul(A[i]!, x) + B[i]!) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of two signatures (0..1). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / PERMUTATIONS;
}

/** The LSH buckets of a signature, one per band (`band:hash`): near-duplicates share at least one. */
export function bucketsOf(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/** A signature as text (base64 of its bytes), for storage. */
export const encodeSignature = (sig: Uint32Array): string =>
  Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');

/** A signature read back from {@link encodeSignature}; null when the text is not one. */
export function decodeSignature(text: string): Uint32Array | null {
  const buf = Buffer.from(text, 'base64');
  if (buf.length !== PERMUTATIONS * 4) return null;
  const out = new Uint32Array(PERMUTATIONS);
  for (let i = 0; i < PERMUTATIONS; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
