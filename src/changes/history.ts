import type { PressRecord } from '../schemas/record.js';

/** Where the version before a record's newest one is found: Redis (`VersionStore`) or memory. */
export interface VersionHistory {
  /**
   * The version to compare `record` with, and remembers `record` as the newest. Idempotent: for
   * the version already newest (a retried or re-published job), the one before it again.
   */
  previousOf(record: PressRecord): Promise<PressRecord | null>;
}
