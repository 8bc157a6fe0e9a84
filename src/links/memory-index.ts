import type { LinkEntry, LinkIndex } from './link.js';

/** A link index in memory: for `pressline process`, tests and the bench. */
export class MemoryLinkIndex implements LinkIndex {
  private readonly entries = new Map<string, { entry: LinkEntry; buckets: readonly string[] }>();
  private readonly buckets = new Map<string, Set<string>>();

  candidates(buckets: readonly string[]): Promise<LinkEntry[]> {
    const ids = new Set<string>();
    for (const b of buckets) for (const id of this.buckets.get(b) ?? []) ids.add(id);
    return Promise.resolve([...ids].map((id) => this.entries.get(id)!.entry));
  }

  get(id: string): Promise<LinkEntry | null> {
    return Promise.resolve(this.entries.get(id)?.entry ?? null);
  }

  put(entry: LinkEntry, buckets: readonly string[]): Promise<void> {
    for (const b of this.entries.get(entry.id)?.buckets ?? []) this.buckets.get(b)?.delete(entry.id);
    this.entries.set(entry.id, { entry, buckets });
    for (const b of buckets) {
      let set = this.buckets.get(b);
      if (!set) this.buckets.set(b, (set = new Set()));
      set.add(entry.id);
    }
    return Promise.resolve();
  }

  get size(): number {
    return this.entries.size;
  }
}
