/**
 * Mutual exclusion over a file archive shared by several processes: one process at a time
 * reads the archive's tail and appends. `fence()` throws when the lock was lost (it expired
 * while this process was paused), so a write is never made without it.
 */
export interface ArchiveLock {
  /** Runs `fn` while holding the lock; `fence` is to be awaited right before each write. */
  run<T>(fn: (fence: () => Promise<void>) => Promise<T>): Promise<T>;
}

/** The lock of one process alone (`pressline process`, unit tests): the sink's own queue already serialises. */
export const processLock: ArchiveLock = {
  run: (fn) => fn(async () => {}),
};
