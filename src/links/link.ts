import type { Site } from '../schemas/record.js';
import { bucketsOf, signatureOf, similarity } from './minhash.js';

/** One record in a link index: its id, its site, its text's MinHash signature. */
export interface LinkEntry {
  id: string;
  site: Site;
  signature: Uint32Array;
}

/** Where signatures are kept and found by LSH bucket: in memory ({@link MemoryLinkIndex}) or in Redis. */
export interface LinkIndex {
  /** The entries in any of these buckets. */
  candidates(buckets: readonly string[]): Promise<LinkEntry[]>;
  /** The entry of one id, or null. */
  get(id: string): Promise<LinkEntry | null>;
  /** Stores an entry under its buckets, replacing the id's previous one (and its buckets). */
  put(entry: LinkEntry, buckets: readonly string[]): Promise<void>;
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

/** The copies of a signature already in the index (itself excluded), most alike first. */
export async function copiesOf(index: LinkIndex, id: string, signature: Uint32Array): Promise<Copy[]> {
  const found = new Map<string, Copy>();
  for (const c of await index.candidates(bucketsOf(signature))) {
    if (c.id === id || found.has(c.id)) continue;
    const s = similarity(signature, c.signature);
    if (s >= SAME_REMARKS) found.set(c.id, { id: c.id, site: c.site, similarity: s });
  }
  return [...found.values()].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
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
  const copies = await copiesOf(index, record.id, signature);
  await index.put({ id: record.id, site: record.site, signature }, bucketsOf(signature));
  const group = canonicalOrder([{ id: record.id, site: record.site }, ...copies]);
  return { copies, sameAs: group.map((c) => c.id).filter((id) => id !== record.id), canonical: group[0]!.id };
}

/** The copies of a record already indexed (the dashboard's "other copies"), or none when it is not indexed. */
export async function copiesOfIndexed(index: LinkIndex, id: string): Promise<Copy[]> {
  const entry = await index.get(id);
  return entry ? copiesOf(index, id, entry.signature) : [];
}
