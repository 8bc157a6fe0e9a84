import type { Config } from '../config.js';

/** The settings the key names follow (REDIS_CLUSTER off when not given). */
type KeyConfig = Pick<Config, 'queuePrefix'> & Partial<Pick<Config, 'redisCluster'>>;

/**
 * The Redis Cluster hash tag of a group of keys (one queue, or one store). On one Redis (or
 * Sentinel) every group shares the pipeline's tag `{prefix}`: the keys written before
 * REDIS_CLUSTER existed, unchanged. With REDIS_CLUSTER each group has its own tag
 * `{prefix:group}`, so a cluster spreads the queues and stores over its nodes. Every Lua
 * script and MULTI touches the keys of one group only (BullMQ's of one queue; ours of one store).
 */
export const hashTag = (config: KeyConfig, group: string): string =>
  config.redisCluster ? `{${config.queuePrefix}:${group}}` : `{${config.queuePrefix}}`;

/** The BullMQ prefix of one queue: its keys are `<prefix>:<queue>:<type>`, all under one hash tag. */
export const bullPrefix = (config: KeyConfig, queue: string): string => hashTag(config, queue);

/**
 * Every Redis key of Pressline's own, named once: `<tag>:pl:<name>:…`, where the tag is the
 * group's (see {@link hashTag}). A key's group is its first name unless it is written together
 * with others in one MULTI or script (a document's hash and the status indexes share `status`,
 * a source's re-check set and its details share `recheck`, the MinHash signatures and the LSH
 * buckets share `links`). One `SCAN MATCH`
 * of {@link Keyspace.all} finds them all.
 */
export function keyspace(config: KeyConfig) {
  const tagged =
    (group: string) =>
    (...parts: string[]) =>
      [hashTag(config, group), 'pl', ...parts].join(':');
  const key = (name: string, ...rest: string[]) => tagged(name)(name, ...rest);
  const status = tagged('status');
  const recheck = tagged('recheck');
  const links = tagged('links');
  return {
    /** Hash per document: its state, each stage's state, its sinks (DocStatus). */
    doc: (docId: string) => status('doc', docId),
    /** Sorted set: documents by last update. */
    docs: status('docs'),
    /** Sorted set: documents whose last stage outcome was a final failure. */
    docsFailed: status('docs-failed'),
    /** Hash: every item discovery queued → its version (SeenStore). */
    seen: key('seen'),
    /** Hash: record id → its latest raw snapshot and validators, as older releases kept it (now DATA_DIR/fetched; moveToFiles). */
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
    recheck: (source: string) => recheck('recheck', source),
    /** Hash per discovery source: document → where it is and when it was first seen (RecheckStore). */
    recheckMeta: (source: string) => recheck('recheck-meta', source),
    /** Per-host politeness state shared by every fetch worker (RedisHostLimiter). */
    host: (host: string, part: string) => key('host', host, part),
    /** Hash per record: its last two versions, gzipped, as older releases kept them (now DATA_DIR/versions; moveToFiles). */
    versions: (id: string) => key('versions', id),
    /** String: when moveToFiles moved the two above to DATA_DIR (set once). */
    movedToFiles: key('moved-to-files'),
    /** Hash: record id → its number, site and signature (RedisLinkIndex). */
    minhash: links('minhash'),
    /** Hash: record number → record id (RedisLinkIndex; buckets hold the short numbers). */
    linkIds: links('link-ids'),
    /** Counter: the last record number given (RedisLinkIndex). */
    linkNext: links('link-next'),
    /** Counter: every record number up to this one has left the link window (RedisLinkIndex). */
    linkTrimmed: links('link-trimmed'),
    /** Hash per group of LSH buckets: bucket → the numbers of the records in it (RedisLinkIndex). */
    lsh: (bucket: string) => links('lsh', bucket),
    /** A pattern matching every key above. */
    all: config.redisCluster ? `{${config.queuePrefix}:*}:pl:*` : `${hashTag(config, '')}:pl:*`,
  };
}

export type Keyspace = ReturnType<typeof keyspace>;
