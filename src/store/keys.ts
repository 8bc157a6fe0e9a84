import type { Config } from '../config.js';

/** The BullMQ prefix: the configured one wrapped in `{…}`, a Redis Cluster hash tag, so all keys share a slot. */
export const bullPrefix = (config: Pick<Config, 'queuePrefix'>): string => `{${config.queuePrefix}}`;

/**
 * Every Redis key of Pressline's own, named once: all under the queues' hash tag and `pl`,
 * so one pipeline's state lives in one slot and one `SCAN MATCH {prefix}:pl:*` finds it.
 */
export function keyspace(config: Pick<Config, 'queuePrefix'>) {
  const key = (...parts: string[]) => [bullPrefix(config), 'pl', ...parts].join(':');
  return {
    /** Hash per document: its state, each stage's state, its sinks (DocStatus). */
    doc: (docId: string) => key('doc', docId),
    /** Sorted set: documents by last update. */
    docs: key('docs'),
    /** Sorted set: documents whose last stage outcome was a final failure. */
    docsFailed: key('docs-failed'),
    /** Hash: every item discovery queued → its version (SeenStore). */
    seen: key('seen'),
    /** Hash: record id → its latest raw snapshot and validators (RedisFetchIndex). */
    fetched: key('fetched'),
    /** Hash: listing page URL → its ETag/Last-Modified (ListingValidators). */
    listing: key('listing'),
    /** Hash per discovery source: its last run and failures (SourceHealthStore). */
    source: (name: string) => key('source', name),
    /** Prefix of what a sink without storage of its own delivered (RedisLedger). */
    sent: (sink: string) => key('sent', sink),
    /** String: the token of the process appending to a file archive now (RedisArchiveLock). */
    lock: (sink: string) => key('lock', sink),
    /** Sorted set per discovery source: documents to re-check → when last checked (RecheckStore). */
    recheck: (source: string) => key('recheck', source),
    /** Hash per discovery source: document → where it is and when it was first seen (RecheckStore). */
    recheckMeta: (source: string) => key('recheck-meta', source),
    /** Per-host politeness state shared by every fetch worker (RedisHostLimiter). */
    host: (host: string, part: string) => key('host', host, part),
    /** Hash per record: its last two versions, gzipped (VersionStore). */
    versions: (id: string) => key('versions', id),
    /** Hash: record id → its site and MinHash signature (RedisLinkIndex). */
    minhash: key('minhash'),
    /** Set per LSH bucket: the ids whose signature falls in it (RedisLinkIndex). */
    lsh: (bucket: string) => key('lsh', bucket),
    /** A pattern matching every key above. */
    all: key('*'),
  };
}

export type Keyspace = ReturnType<typeof keyspace>;
