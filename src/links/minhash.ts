/**
 * The signature scheme, stored with every signature: signatures of different schemes do not
 * compare (scheme 1 was 128 MinHash permutations of 32 bits; scheme 2 is one-permutation hashing).
 */
export const SCHEME = 2;
/** Bins in a signature. @defaultValue 128 */
export const BINS = 128;
/** LSH bands (BINS = BANDS × rows): two texts share a bucket when one band's rows all agree. */
export const BANDS = 64;
const ROWS = BINS / BANDS;
/** Hex digits of one band in {@link encodeSignature}'s text (four per bin). */
export const BAND_DIGITS = ROWS * 4;
/** Words per shingle. */
export const SHINGLE = 4;
/** The value of a bin no shingle fell in (only in the signature of a text without words). */
const EMPTY = 0xffff;

/** Murmur3's finaliser: spreads a 32-bit value's bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const wordChar = /^[\p{L}\p{N}]$/u;
const nonAscii = /[^\0-\x7f]/;
const wordCodes = new Map<number, boolean>();
/** Whether a code point is a letter or a digit (ASCII answered inline by the caller; the rest cached). */
function isWordCode(c: number): boolean {
  let yes = wordCodes.get(c);
  if (yes === undefined) wordCodes.set(c, (yes = wordChar.test(String.fromCodePoint(c))));
  return yes;
}

/**
 * The text as it is compared: compatibility forms decomposed (`ﬁ` → `fi`), accents removed,
 * lower case. Quotes, dashes and spaces separate words whatever their typography.
 */
export function foldForLinking(text: string): string {
  const s = text.normalize('NFKD').toLowerCase();
  return nonAscii.test(s) ? s.replace(/\p{M}+/gu, '') : s;
}

/**
 * Calls `each` with the hash of every word of the text (a run of letters and digits, see
 * {@link foldForLinking}), in order: FNV-1a over the word's UTF-16 units, finalised. One pass
 * over the characters, no word strings.
 */
function eachWordHash(text: string, each: (h: number) => void): void {
  const s = foldForLinking(text);
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let word: boolean;
    let units = 1;
    if (c < 0x80) word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      word = isWordCode(s.codePointAt(i)!);
      units = 2;
    } else word = isWordCode(c);
    if (word) {
      for (let u = 0; u < units; u++) h = Math.imul(h ^ s.charCodeAt(i + u), 0x01000193);
      i += units - 1;
      inWord = true;
    } else if (inWord) {
      each(fmix(h));
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) each(fmix(h));
}

/** One shingle's hash from its words' hashes (order matters). */
const shingleHash = (a: number, b: number, c: number, d: number): number =>
  fmix(
    (Math.imul(a, 0x9e3779b1) +
      Math.imul(b, 0x85ebca77) +
      Math.imul(c, 0xc2b2ae3d) +
      Math.imul(d, 0x27d4eb2f)) |
      0,
  );

/** Calls `each` with the hash of every shingle of the text (runs of SHINGLE words; all the words when fewer). */
function eachShingle(text: string, each: (h: number) => void): void {
  const w = [0, 0, 0, 0];
  let n = 0;
  eachWordHash(text, (h) => {
    w[n % SHINGLE] = h;
    n++;
    if (n >= SHINGLE) each(shingleHash(w[(n - 4) % 4]!, w[(n - 3) % 4]!, w[(n - 2) % 4]!, w[(n - 1) % 4]!));
  });
  if (n > 0 && n < SHINGLE) each(shingleHash(w[0]!, n > 1 ? w[1]! : 0, n > 2 ? w[2]! : 0, 0));
}

/**
 * The signature of a text, by one-permutation hashing (Li, Owen and Zhang 2012) with optimal
 * densification (Shrivastava 2017): each shingle's hash picks one of BINS bins (its top 7 bits)
 * and a 16-bit value (its low 16 bits); a bin keeps its least value; an empty bin takes the
 * value of the first filled bin a fixed sequence of hashes of its number lands on. As with
 * MinHash, the share of bins where two signatures agree estimates the Jaccard similarity of the
 * two texts' shingle sets, at one hash per shingle instead of one per shingle and permutation.
 * A text without words has a signature that matches nothing.
 */
export function signatureOf(text: string): Uint16Array {
  const sig = new Uint16Array(BINS).fill(EMPTY);
  let filled = 0;
  eachShingle(text, (x) => {
    const bin = x >>> 25;
    const v = Math.min(x & 0xffff, EMPTY - 1);
    if (sig[bin] === EMPTY) filled++;
    if (v < sig[bin]!) sig[bin] = v;
  });
  if (filled === 0 || filled === BINS) return sig;
  const own = sig.slice();
  for (let i = 0; i < BINS; i++) {
    if (own[i] !== EMPTY) continue;
    let from = -1;
    for (let attempt = 1; attempt <= 4096 && from < 0; attempt++) {
      const j = fmix(Math.imul(i + 1, 0x9e3779b1) ^ attempt) & (BINS - 1);
      if (own[j] !== EMPTY) from = j;
    }
    // Never reached in practice (4,096 misses in a row); the next filled bin keeps it deterministic.
    for (let k = 1; from < 0; k++) if (own[(i + k) % BINS] !== EMPTY) from = (i + k) % BINS;
    sig[i] = own[from]!;
  }
  return sig;
}

/** The estimated Jaccard similarity of two signatures (0..1). */
export function similarity(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i] && a[i] !== EMPTY) same++;
  return same / BINS;
}

/** A signature as text: four hex digits per bin (big-endian), for storage (and for its buckets, read from it). */
export function encodeSignature(sig: Uint16Array): string {
  const buf = Buffer.from(sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength));
  return (isLittleEndian ? buf.swap16() : buf).toString('hex');
}

/** A signature read back from {@link encodeSignature}; null when the text is not one. */
export function decodeSignature(text: string): Uint16Array | null {
  if (text.length !== BINS * 4 || !/^[0-9a-f]+$/.test(text)) return null;
  const buf = Buffer.from(text, 'hex');
  const out = new Uint16Array(BINS);
  for (let i = 0; i < BINS; i++) out[i] = buf.readUInt16BE(i * 2);
  return out;
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The LSH buckets of a signature, one per band: `<scheme>.<band>:<the band's rows in hex>`, the
 * very slice of {@link encodeSignature}'s text (so Redis can name a stored signature's buckets
 * without this code). Near-duplicates share at least one. None for a text without words.
 */
export function bucketsOf(sig: Uint16Array): string[] {
  if (sig[0] === EMPTY) return [];
  const hex = encodeSignature(sig);
  return Array.from(
    { length: BANDS },
    (_, b) => `${SCHEME}.${b}:${hex.slice(b * BAND_DIGITS, (b + 1) * BAND_DIGITS)}`,
  );
}
