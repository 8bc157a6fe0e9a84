import type { Site } from '../schemas/record.js';
import { signatureOf, similarity } from './minhash.js';

/** One record in a link index: its id, its site, its text's signature (src/links/minhash.ts). */
export interface LinkEntry {
  id: string;
  site: Site;
  signature: Uint16Array;
}

/**
 * Where signatures are kept and found by LSH bucket (`bucketsOf`): in memory
 * ({@link MemoryLinkIndex}) or in Redis (`RedisLinkIndex`).
 */
export interface LinkIndex {
  /** The other entries that share a bucket with this signature. */
  candidates(id: string, signature: Uint16Array): Promise<LinkEntry[]>;
  /**
   * The other entries that share a bucket with this one ({@link LinkIndex.candidates}), then
   * stores it in place of the id's previous entry and buckets: one round trip in Redis.
   */
  link(entry: LinkEntry): Promise<LinkEntry[]>;
  /** The entry of one id, or null. */
  get(id: string): Promise<LinkEntry | null>;
}

/** Two texts are the same remarks from this estimated Jaccard similarity of their shingles. */
export const SAME_REMARKS = 0.3;

/** A copy of the same remarks, with how alike its text is. */
export interface Copy {
  id: string;
  site: Site;
  similarity: number;
}

/** The institution's own page (a known site adapter) goes first, then the others by id. */
export function canonicalOrder<T extends { id: string; site: Site }>(copies: readonly T[]): T[] {
  const rank = (c: T) => (c.site === 'generic' ? 1 : 0);
  return [...copies].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The candidates that are copies of a signature (itself excluded), most alike first. */
export function confirm(id: string, signature: Uint16Array, candidates: readonly LinkEntry[]): Copy[] {
  const found = new Map<string, Copy>();
  for (const c of candidates) {
    if (c.id === id || found.has(c.id)) continue;
    const s = similarity(signature, c.signature);
    if (s >= SAME_REMARKS) found.set(c.id, { id: c.id, site: c.site, similarity: s });
  }
  return [...found.values()].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
}

/** The copies of a signature already in the index (itself excluded), most alike first. */
export async function copiesOf(index: LinkIndex, id: string, signature: Uint16Array): Promise<Copy[]> {
  return confirm(id, signature, await index.candidates(id, signature));
}

/** What linking one record found: its copies, and the `sameAs` ids for it (canonical first). */
export interface Linked {
  copies: Copy[];
  sameAs: string[];
  /** The canonical record of the group (the institution's page when there is one): maybe this one. */
  canonical: string;
}

/**
 * Links one record: finds the records whose text is the same remarks (MinHash over word
 * shingles, LSH buckets to find candidates, the signature's similarity to confirm), then adds
 * it to the index. The cost does not grow with the index, only with the candidates found.
 */
export async function linkRecord(
  index: LinkIndex,
  record: { id: string; site: Site; text: string },
): Promise<Linked> {
  const signature = signatureOf(record.text);
  const copies = confirm(
    record.id,
    signature,
    await index.link({ id: record.id, site: record.site, signature }),
  );
  const group = canonicalOrder([{ id: record.id, site: record.site }, ...copies]);
  return { copies, sameAs: group.map((c) => c.id).filter((id) => id !== record.id), canonical: group[0]!.id };
}

/**
 * The copies of a record already indexed, or none when it is not indexed: the dashboard's
 * "other copies". Symmetric: a record linked earlier lists the copies indexed after it.
 */
export async function copiesOfIndexed(index: LinkIndex, id: string): Promise<Copy[]> {
  const entry = await index.get(id);
  return entry ? copiesOf(index, id, entry.signature) : [];
}
