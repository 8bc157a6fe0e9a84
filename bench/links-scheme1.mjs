// The first signature scheme (scheme 1: 128 MinHash permutations of 32-bit shingle hashes,
// words as strings, each shingle joined and hashed), kept here only so that the links bench can
// time it against today's signature in the same run.
const fmix = (h) => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
const hashString = (s) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
};
const A = new Uint32Array(128);
const B = new Uint32Array(128);
for (let i = 0, s = 0x9e3779b9; i < 128; i++) {
  s = fmix(s + i + 1);
  A[i] = s | 1;
  s = fmix(s ^ 0x5bd1e995);
  B[i] = s;
}

/** A scheme 1 signature of a text; `foldTypography` from src/changes/typography.ts, as scheme 1 had it. */
export function scheme1Signature(text, foldTypography) {
  const words =
    foldTypography(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set();
  for (let i = 0; i + 4 <= words.length; i++) shingles.add(hashString(words.slice(i, i + 4).join(' ')));
  const sig = new Uint32Array(128).fill(0xffffffff);
  for (const x of shingles)
    for (let i = 0; i < 128; i++) {
      const h = (Math.imul(A[i], x) + B[i]) >>> 0;
      if (h < sig[i]) sig[i] = h;
    }
  return sig;
}
