import type { PressRecord } from '../schemas/record.js';
import type { VersionHistory } from './history.js';

/**
 * The versions seen in this process, in memory: what `pressline process` diffs against, so
 * that one run's inputs with one id compare as the workers' `VersionStore` would.
 */
export class MemoryVersionHistory implements VersionHistory {
  private readonly byId = new Map<string, { current: PressRecord; previous: PressRecord | null }>();

  previousOf(record: PressRecord): Promise<PressRecord | null> {
    const seen = this.byId.get(record.id);
    // The newest already: compare with the one before it, as the first time.
    if (seen?.current.version === record.version) return Promise.resolve(seen.previous);
    this.byId.set(record.id, { current: record, previous: seen?.current ?? null });
    return Promise.resolve(seen?.current ?? null);
  }
}
