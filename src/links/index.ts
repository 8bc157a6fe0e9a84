export { canonicalOrder, confirm, copiesOf, copiesOfIndexed, linkRecord, SAME_REMARKS } from './link.js';
export type { Copy, LinkEntry, LinkIndex, Linked } from './link.js';
export { MemoryLinkIndex } from './memory-index.js';
export {
  BAND_DIGITS,
  BANDS,
  bucketsOf,
  decodeSignature,
  encodeSignature,
  SCHEME,
  signatureOf,
  similarity,
} from './minhash.js';
