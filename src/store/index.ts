import { join } from 'node:path';
import type { RedisClient } from './connection.js';
import type { Config } from '../config.js';
import { RedisArchiveLock } from './archive-lock.js';
import { DocStatus } from './doc-status.js';
import { FileFetchIndex } from './fetch-index.js';
import { RedisHostLimiter } from './host-limiter.js';
import { keyspace, type Keyspace } from './keys.js';
import { RedisLinkIndex } from './link-index.js';
import { ListingValidators } from './listing-cache.js';
import { RecheckStore } from './recheck-store.js';
import { SeenStore } from './seen-store.js';
import { ShardedFiles } from './sharded-files.js';
import { RedisLedger } from './sink-ledger.js';
import { SourceHealthStore } from './source-health.js';
import { VersionStore } from './version-store.js';

/** Every piece of Redis state of one pipeline, each on its key of the one keyspace. */
export interface Stores {
  keys: Keyspace;
  /** Per-document status: workers write it, `ingest` and the dashboard read it. */
  status: DocStatus;
  /** What discovery queued, with versions. */
  seen: SeenStore;
  /** What the fetch stage last stored for each record (files under DATA_DIR/fetched). */
  fetched: FileFetchIndex;
  /** What each discovery source re-checks. */
  recheck: RecheckStore;
  /** Listing pages' validators. */
  listings: ListingValidators;
  /** How each discovery source last ran. */
  sources: SourceHealthStore;
  /** What a sink without storage of its own (the webhook) has delivered. */
  ledger(sink: string): RedisLedger;
  /** The lock every process holds while it appends to a file archive (JSON Lines). */
  archiveLock(sink: string): RedisArchiveLock;
  /** Per-host politeness shared by every fetch worker. */
  hostLimiter: RedisHostLimiter;
  /** The last two versions of each record, for its diff (files under DATA_DIR/versions). */
  versions: VersionStore;
  /** The near-duplicate index (MinHash + LSH) that links copies of the same remarks, over the newest LINK_WINDOW records. */
  links: RedisLinkIndex;
}

/**
 * Opens every store on one Redis connection (the App does this once). What is kept per record
 * for as long as the archive (the fetch index, the versions kept for diffs) lives under
 * DATA_DIR, beside the raw snapshots; Redis holds what retention bounds.
 */
export function openStores(redis: RedisClient, config: Config): Stores {
  const keys = keyspace(config);
  return {
    keys,
    status: new DocStatus(redis, keys),
    seen: new SeenStore(redis, keys.seen),
    fetched: new FileFetchIndex(new ShardedFiles(join(config.dataDir, 'fetched'))),
    recheck: new RecheckStore(redis, keys),
    listings: new ListingValidators(redis, keys.listing),
    sources: new SourceHealthStore(redis, keys.source),
    ledger: (sink) => new RedisLedger(redis, keys.sent(sink)),
    archiveLock: (sink) => new RedisArchiveLock(redis, keys.lock(sink)),
    versions: new VersionStore(new ShardedFiles(join(config.dataDir, 'versions'))),
    links: new RedisLinkIndex(redis, keys, config.linkWindow),
    hostLimiter: new RedisHostLimiter(redis, keys.host, {
      minIntervalMs: config.fetchMinIntervalMs,
      concurrency: config.fetchHostConcurrency,
      leaseMs: config.fetchTotalTimeoutMs + 5000,
      pendingMs: config.fetchTimeoutMs + 5000,
    }),
  };
}
