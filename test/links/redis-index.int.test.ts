import { describe, expect, it } from 'vitest';
import { buildPairs, mirrorOf, remarks } from '../../bench/links-pairs.mjs';
import { copiesOfIndexed, linkRecord, signatureOf } from '../../src/links/index.js';
import { legacyBucketsOf } from '../../src/links/legacy.js';
import { RedisLinkIndex } from '../../src/store/link-index.js';
import { useRedisKeyspace } from '../helpers/store.js';

const { redis, keys } = useRedisKeyspace();
const fresh = (name: string) => ({
  ...keys,
  minhash: `${keys.minhash}-${name}`,
  linkIds: `${keys.linkIds}-${name}`,
  linkNext: `${keys.linkNext}-${name}`,
  linkTrimmed: `${keys.linkTrimmed}-${name}`,
  lsh: (b: string) => keys.lsh(`${name}-${b}`),
});

/** Every record number in the index's buckets (the fields of its bucket hashes). */
async function numbersInBuckets(name: string): Promise<string[]> {
  const out: string[] = [];
  for (const key of await redis().keys(`${keys.lsh(`${name}-`)}*`))
    for (const v of Object.values(await redis().hgetall(key))) out.push(...v.split(' '));
  return out;
}

describe('the Redis link index (real Redis)', () => {
  it('links mirrors and keeps apart same-speaker remarks as the memory index does (P, R ≥ 0.95)', async () => {
    const index = new RedisLinkIndex(redis(), fresh('pairs'), 50_000);
    const { docs, pairs } = buildPairs();
    const linked = new Set<string>();
    for (const d of docs)
      for (const c of (await linkRecord(index, d)).copies) linked.add([d.id, c.id].sort().join('|'));
    const isLinked = (p: { a: string; b: string }) => linked.has([p.a, p.b].sort().join('|'));
    const tp = pairs.filter((p) => p.same && isLinked(p)).length;
    const fp = pairs.filter((p) => !p.same && isLinked(p)).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(0.95);
  });

  it('links one record in one command to Redis: the lookup and the store together', async () => {
    const client = redis().duplicate();
    const index = new RedisLinkIndex(client, fresh('trips'), 50_000);
    const [first] = remarks();
    await linkRecord(index, { id: 'eeas:a', site: 'eeas', text: first!.text });
    const sent: string[] = [];
    const send = client.sendCommand.bind(client);
    client.sendCommand = (command) => {
      sent.push(command.name);
      return send(command);
    };
    const linked = await linkRecord(index, {
      id: 'generic:b',
      site: 'generic',
      text: mirrorOf(first!.text, 5),
    });
    client.sendCommand = send;
    await client.quit();
    expect(linked.sameAs).toEqual(['eeas:a']);
    expect(sent).toEqual(['evalsha']);
  });

  it("tells an earlier record of a later copy, and a new version's old buckets lead nowhere", async () => {
    const index = new RedisLinkIndex(redis(), fresh('versions'), 50_000);
    const [a, b] = remarks();
    await linkRecord(index, { id: 'eeas:x', site: 'eeas', text: a!.text });
    await linkRecord(index, { id: 'generic:y', site: 'generic', text: mirrorOf(a!.text, 9) });
    expect((await copiesOfIndexed(index, 'eeas:x')).map((c) => c.id)).toEqual(['generic:y']);

    // eeas:x now holds other remarks under a new number: no longer a copy of generic:y, and its
    // old number, left in the old buckets until they are swept, names no record.
    await linkRecord(index, { id: 'eeas:x', site: 'eeas', text: b!.text });
    expect(await copiesOfIndexed(index, 'generic:y')).toEqual([]);
    const live = await redis().hkeys(fresh('versions').linkIds);
    expect(live).toHaveLength(2);
    const numbers = (await numbersInBuckets('versions')).filter((n) => live.includes(n));
    expect(numbers).toHaveLength(2 * 64);
    expect((await index.get('eeas:x'))?.signature).toEqual(signatureOf(b!.text));
  });

  it('never offers an entry of the old signature scheme, and takes it out of its old buckets when signed again', async () => {
    const k = fresh('legacy');
    const index = new RedisLinkIndex(redis(), k, 50_000);
    const [a] = remarks();
    // A scheme 1 entry as the earlier code stored it: `site base64` and a set per bucket.
    const old = `eeas ${Buffer.alloc(512, 7).toString('base64')}`;
    await redis().hset(k.minhash, 'eeas:old', old);
    const oldBuckets = legacyBucketsOf(old);
    expect(oldBuckets).toHaveLength(64);
    for (const bucket of oldBuckets) await redis().sadd(k.lsh(bucket), 'eeas:old');

    expect(await index.get('eeas:old')).toBeNull();
    await linkRecord(index, { id: 'eeas:old', site: 'eeas', text: a!.text });
    for (const bucket of oldBuckets) expect(await redis().exists(k.lsh(bucket))).toBe(0);
    const copy = await linkRecord(index, { id: 'generic:new', site: 'generic', text: mirrorOf(a!.text, 2) });
    expect(copy.sameAs).toEqual(['eeas:old']);
  });

  it('links only within the window: a copy of a record linked more than LINK_WINDOW records ago is not found', async () => {
    const [a, ...others] = remarks();
    const linkAfter = async (name: string, window: number) => {
      const index = new RedisLinkIndex(redis(), fresh(name), window);
      await linkRecord(index, { id: 'eeas:first', site: 'eeas', text: a!.text });
      for (const [i, o] of others.slice(0, 3).entries())
        await linkRecord(index, { id: `eeas:other-${i}`, site: 'eeas', text: o.text });
      return linkRecord(index, { id: 'generic:late', site: 'generic', text: mirrorOf(a!.text, 3) });
    };
    // Three records came between: in a window of four the first is still there, in three it is not.
    expect((await linkAfter('window-4', 4)).sameAs).toEqual(['eeas:first']);
    expect((await linkAfter('window-3', 3)).sameAs).toEqual([]);
  });

  it("keeps only the window's records, whatever was linked before it was set", async () => {
    const k = fresh('bounded');
    const texts = remarks().flatMap((r) =>
      [0, 1, 2, 3, 4].map((s) => mirrorOf(r.text, 100 + s, { drop: 0.5 })),
    );
    const big = new RedisLinkIndex(redis(), k, 1000);
    for (const [i, text] of texts.slice(0, 20).entries())
      await linkRecord(big, { id: `generic:${i}`, site: 'generic', text });
    expect(await redis().hlen(k.minhash)).toBe(20);

    // The window made smaller: a few of the records that left it are forgotten with each link.
    const small = new RedisLinkIndex(redis(), k, 5);
    for (const [i, text] of texts.slice(20).entries())
      await linkRecord(small, { id: `generic:${20 + i}`, site: 'generic', text });
    expect(await redis().hlen(k.minhash)).toBe(5);
    expect(await redis().hlen(k.linkIds)).toBe(5);
    expect((await redis().hkeys(k.minhash)).sort()).toEqual(
      texts
        .slice(-5)
        .map((_, i) => `generic:${texts.length - 5 + i}`)
        .sort(),
    );
    // What stays in the buckets: the window's numbers, and numbers that left it since their bucket was swept.
    expect((await numbersInBuckets('bounded')).length).toBeLessThan(texts.length * 64);
  });

  it('keeps a bucket that many records share to its newest 32 numbers, and still finds a copy through the others', async () => {
    const k = fresh('popular');
    const index = new RedisLinkIndex(redis(), k, 50_000);
    // 60 records that share every word run but the last few: their buckets are mostly the same.
    const [a] = remarks();
    for (let i = 0; i < 60; i++)
      await linkRecord(index, { id: `generic:near-${i}`, site: 'generic', text: mirrorOf(a!.text, 200 + i) });
    for (const key of await redis().keys(`${k.lsh('')}*`))
      for (const v of Object.values(await redis().hgetall(key)))
        expect(v.split(' ').length).toBeLessThanOrEqual(32);
    const late = await linkRecord(index, { id: 'eeas:late', site: 'eeas', text: mirrorOf(a!.text, 999) });
    expect(late.sameAs.length).toBeGreaterThan(0);
  });
});
