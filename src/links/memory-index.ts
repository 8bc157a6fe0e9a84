import type { LinkEntry, LinkIndex } from './link.js';
import { bucketsOf } from './minhash.js';

/** A link index in memory: for `pressline process` (one run's records), tests and the bench. */
export class MemoryLinkIndex implements LinkIndex {
  private readonly entries = new Map<string, LinkEntry>();
  private readonly buckets = new Map<string, Set<string>>();

  candidates(id: string, signature: Uint16Array): Promise<LinkEntry[]> {
    const ids = new Set<string>();
    for (const b of bucketsOf(signature)) for (const other of this.buckets.get(b) ?? []) ids.add(other);
    ids.delete(id);
    return Promise.resolve([...ids].map((other) => this.entries.get(other)!));
  }

  async link(entry: LinkEntry): Promise<LinkEntry[]> {
    const found = await this.candidates(entry.id, entry.signature);
    this.put(entry);
    return found;
  }

  get(id: string): Promise<LinkEntry | null> {
    return Promise.resolve(this.entries.get(id) ?? null);
  }

  /** Stores an entry in place of the id's previous one and its buckets. */
  put(entry: LinkEntry): void {
    const old = this.entries.get(entry.id);
    for (const b of old ? bucketsOf(old.signature) : []) this.buckets.get(b)?.delete(entry.id);
    this.entries.set(entry.id, entry);
    for (const b of bucketsOf(entry.signature)) {
      let set = this.buckets.get(b);
      if (!set) this.buckets.set(b, (set = new Set()));
      set.add(entry.id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
