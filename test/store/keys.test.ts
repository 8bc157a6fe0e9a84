import { describe, expect, it } from 'vitest';
import { bullPrefix, keyspace } from '../../src/store/keys.js';

describe('the keyspace', () => {
  const keys = keyspace({ queuePrefix: 'pressline' });
  const every = [
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

  it("puts every key of Pressline's own under the queues' hash tag, so one pipeline lives in one Redis Cluster slot", () => {
    expect(bullPrefix({ queuePrefix: 'pressline' })).toBe('{pressline}');
    for (const key of every) expect(key.startsWith('{pressline}:pl:')).toBe(true);
  });

  it('gives each piece of state its own key, and one pattern that matches them all', () => {
    expect(new Set(every).size).toBe(every.length);
    const pattern = new RegExp(`^${keys.all.replace(/[{}]/g, '\\$&').replace('*', '.*')}$`);
    for (const key of every) expect(key).toMatch(pattern);
    expect(keyspace({ queuePrefix: 'other' }).seen).not.toBe(keys.seen);
  });
});
