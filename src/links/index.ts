export { canonicalOrder, copiesOf, copiesOfIndexed, linkRecord, SAME_REMARKS } from './link.js';
export type { Copy, LinkEntry, LinkIndex, Linked } from './link.js';
export { MemoryLinkIndex } from './memory-index.js';
export { bucketsOf, decodeSignature, encodeSignature, shingles, signatureOf, similarity } from './minhash.js';
