import { describe, expect, it } from 'vitest';
import { bullPrefix, keyspace, type Keyspace } from '../../src/store/keys.js';
import { QUEUE_STAGES } from '../../src/stages/names.js';

const every = (keys: Keyspace) => [
  keys.doc('eeas:a'),
  keys.docs,
  keys.docsFailed,
  keys.seen,
  keys.fetched,
  keys.listing,
  keys.source('ecb'),
  keys.sent('webhook'),
  keys.host('www.ecb.europa.eu', 'next'),
];

/** The hash tag Redis Cluster reads from a key: between the first `{` and the next `}`. */
const tagOf = (key: string) => /\{([^}]+)\}/.exec(key)?.[1];

const matches = (pattern: string, key: string) =>
  new RegExp(`^${pattern.replace(/[{}]/g, '\\$&').replaceAll('*', '.*')}$`).test(key);

describe('the keyspace on one Redis (REDIS_CLUSTER off)', () => {
  const keys = keyspace({ queuePrefix: 'pressline' });

  it("puts every key of Pressline's own and every queue under one hash tag: the keys of earlier versions, unchanged", () => {
    for (const queue of QUEUE_STAGES)
      expect(bullPrefix({ queuePrefix: 'pressline' }, queue)).toBe('{pressline}');
    for (const key of every(keys)) expect(key.startsWith('{pressline}:pl:')).toBe(true);
    expect(keys.doc('eeas:a')).toBe('{pressline}:pl:doc:eeas:a');
    expect(keys.host('www.ecb.europa.eu', 'next')).toBe('{pressline}:pl:host:www.ecb.europa.eu:next');
  });

  it('gives each piece of state its own key, and one pattern that matches them all', () => {
    expect(new Set(every(keys)).size).toBe(every(keys).length);
    for (const key of every(keys)) expect(matches(keys.all, key)).toBe(true);
    expect(keyspace({ queuePrefix: 'other' }).seen).not.toBe(keys.seen);
  });
});

describe('the keyspace on Redis Cluster (REDIS_CLUSTER=true)', () => {
  const config = { queuePrefix: 'pressline', redisCluster: true };
  const keys = keyspace(config);

  it('gives each queue a hash tag of its own, so a cluster can hold the queues on different nodes', () => {
    const tags = QUEUE_STAGES.map((q) => tagOf(`${bullPrefix(config, q)}:${q}:wait`));
    expect(tags).toContain('pressline:fetch');
    expect(new Set(tags).size).toBe(QUEUE_STAGES.length);
  });

  it("keeps a document's hash and the status indexes in one slot (they are written in one MULTI), other stores apart", () => {
    expect(new Set([keys.doc('eeas:a'), keys.docs, keys.docsFailed].map(tagOf))).toEqual(
      new Set(['pressline:status']),
    );
    const tags = [keys.seen, keys.fetched, keys.listing, keys.source('ecb'), keys.sent('webhook')].map(tagOf);
    expect(new Set([...tags, 'pressline:status']).size).toBe(tags.length + 1);
  });

  it('keeps the three keys of one host limiter (one Lua script) in one slot', () => {
    const tags = ['next', 'leases', 'pending'].map((p) => tagOf(keys.host('www.ecb.europa.eu', p)));
    expect(new Set(tags).size).toBe(1);
  });

  it("finds every key with one pattern, and none of another pipeline's or of the one-slot layout", () => {
    for (const key of every(keys)) expect(matches(keys.all, key)).toBe(true);
    expect(matches(keys.all, keyspace({ queuePrefix: 'pressline2', redisCluster: true }).seen)).toBe(false);
    expect(matches(keys.all, keyspace({ queuePrefix: 'pressline' }).seen)).toBe(false);
  });
});
