import { z } from 'zod';
import { sha256 } from '../ids.js';
import { Site } from '../schemas/record.js';
import type { ShardedFiles } from './sharded-files.js';

/** What the fetch stage last stored for a record: enough to derive it again, and to ask the server for changes only. */
export const FetchEntry = z.object({
  docId: z.string(),
  url: z.string().nullable(),
  path: z.string().nullable().default(null),
  site: Site,
  source: z.string().nullable().default(null),
  contentType: z.string(),
  rawSha256: z.string(),
  fetchedAt: z.string(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
});
export type FetchEntry = z.infer<typeof FetchEntry>;

/** Record id → its latest raw snapshot and validators. */
export interface FetchIndex {
  get(docId: string): Promise<FetchEntry | null>;
  put(entry: FetchEntry): Promise<void>;
  /** Every record id in the index. */
  ids(): Promise<string[]>;
}

/** In one process only (`pressline process`, tests). */
export class MemoryFetchIndex implements FetchIndex {
  private readonly map = new Map<string, FetchEntry>();
  async get(docId: string) {
    return this.map.get(docId) ?? null;
  }
  async put(entry: FetchEntry) {
    this.map.set(entry.docId, entry);
  }
  async ids() {
    return [...this.map.keys()];
  }
}

/**
 * One small JSON file per record under DATA_DIR/fetched (`<sha256 of the id>.json`, sharded
 * like the raw snapshots it points to): on disk, not in Redis, so Redis's memory does not grow
 * with the archive. Every fetch worker must see DATA_DIR, as it must for the raw snapshots.
 */
export class FileFetchIndex implements FetchIndex {
  constructor(private readonly files: ShardedFiles) {}

  async get(docId: string): Promise<FetchEntry | null> {
    return parse(await this.files.read(nameOf(docId)));
  }

  async put(entry: FetchEntry): Promise<void> {
    await this.files.write(nameOf(entry.docId), JSON.stringify(entry));
  }

  /** Stores an entry unless its record has one: moving older data in. */
  adopt(entry: FetchEntry): Promise<boolean> {
    return this.files.write(nameOf(entry.docId), JSON.stringify(entry), { keep: true });
  }

  /** Every record id, read from every entry (`pressline reprocess --all`: once per run). */
  async ids(): Promise<string[]> {
    const ids: string[] = [];
    for (const name of await this.files.names()) {
      const e = parse(await this.files.read(name));
      if (e) ids.push(e.docId);
    }
    return ids.sort();
  }
}

const nameOf = (docId: string): string => `${sha256(docId)}.json`;

/** An entry as stored (JSON), or null when there is none or it does not parse. */
export function parse(raw: Buffer | string | null): FetchEntry | null {
  if (!raw) return null;
  const parsed = FetchEntry.safeParse(JSON.parse(raw.toString()));
  return parsed.success ? parsed.data : null;
}
