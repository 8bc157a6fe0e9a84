import { describe, expect, it } from 'vitest';
import { linkRecord, MemoryLinkIndex } from '../../src/links/index.js';
import { RedisLinkIndex } from '../../src/store/link-index.js';
import { useRedisKeyspace } from '../helpers/store.js';

// Made-up remarks: two copies of one (a mirror with its own header), and an unrelated one.
const remarks = (topic: string, n: number) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `The ${topic} plan for year ${i} brings ${n + i} new sites, a faster permit for each of them, ` +
      `and a review of the ${topic} rules with the regions before the summer break number ${i}.`,
  ).join('\n\n');
const original = remarks('harbour', 10);
const mirror = `Reposted by a news agency\n\n${original}`;
const other = Array.from(
  { length: 12 },
  (_, i) =>
    `Minister Okafor answered question ${i} on grain exports: shipments through corridor ${i + 7} ` +
    `resumed on Tuesday, insurers returned, and farmers expect prices near ${300 + i} euro per tonne.`,
).join('\n\n');

describe('the link index in Redis', () => {
  const t = useRedisKeyspace();

  it('finds the same copies as the index in memory, and a record whose text changed leaves its old buckets', async () => {
    const redisIndex = new RedisLinkIndex(t.redis(), t.keys);
    const memory = new MemoryLinkIndex();
    const records = [
      { id: 'ecb:a', site: 'ecb' as const, text: original },
      { id: 'generic:b', site: 'generic' as const, text: mirror },
      { id: 'ecb:c', site: 'ecb' as const, text: other },
    ];
    for (const r of records) {
      const [inRedis, inMemory] = [await linkRecord(redisIndex, r), await linkRecord(memory, r)];
      expect(inRedis.sameAs).toEqual(inMemory.sameAs);
    }
    expect((await linkRecord(redisIndex, { ...records[1]!, id: 'generic:b2' })).sameAs).toEqual([
      'ecb:a',
      'generic:b',
    ]);

    // ecb:a is corrected into other remarks: the mirror no longer finds it, and it finds ecb:c.
    const changed = await linkRecord(redisIndex, { id: 'ecb:a', site: 'ecb', text: `${other}\n\nAdded.` });
    expect(changed.sameAs).toEqual(['ecb:c']);
    const again = await linkRecord(redisIndex, { id: 'generic:b', site: 'generic', text: mirror });
    expect(again.sameAs).toEqual(['generic:b2']);
    // Linking the same text twice stores the id once in each bucket.
    await linkRecord(redisIndex, { id: 'generic:b', site: 'generic', text: mirror });
    const lists = await t.redis().hvals(t.keys.lsh('0'));
    for (const list of lists) expect(new Set(list.split('\n')).size).toBe(list.split('\n').length);
  });
});
