import { describe, expect, it } from 'vitest';
import { buildPairs, mirrorOf, remarks } from '../../bench/links-pairs.mjs';
import {
  bucketsOf,
  canonicalOrder,
  copiesOfIndexed,
  decodeSignature,
  encodeSignature,
  linkRecord,
  MemoryLinkIndex,
  signatureOf,
  similarity,
} from '../../src/links/index.js';

/** Links every doc in order into a fresh index; returns the set of linked pairs "a|b" (sorted ids). */
async function linkAll(docs: { id: string; site: 'eeas' | 'generic'; text: string }[]) {
  const index = new MemoryLinkIndex();
  const linked = new Set<string>();
  for (const d of docs) {
    const { copies } = await linkRecord(index, d);
    for (const c of copies) linked.add([d.id, c.id].sort().join('|'));
  }
  return { index, linked };
}

describe('near-duplicate linking', () => {
  it('links mirrors of one transcript and keeps apart remarks by the same speaker on the same topic (P, R ≥ 0.95)', async () => {
    const { docs, pairs } = buildPairs();
    const { linked } = await linkAll(docs);
    const isLinked = (p: { a: string; b: string }) => linked.has([p.a, p.b].sort().join('|'));
    const tp = pairs.filter((p) => p.same && isLinked(p)).length;
    const fp = pairs.filter((p) => !p.same && isLinked(p)).length;
    const positives = pairs.filter((p) => p.same).length;
    expect(positives).toBeGreaterThan(50);
    expect(pairs.filter((p) => !p.same && p.sameSpeaker).length).toBeGreaterThan(50);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / positives).toBeGreaterThanOrEqual(0.95);
  });

  it('gives each copy sameAs ids with the institution page first, and finds them again from the index', async () => {
    const [first] = remarks();
    const index = new MemoryLinkIndex();
    const mirror = await linkRecord(index, {
      id: 'generic:press-club-copy',
      site: 'generic',
      text: mirrorOf(first!.text, 7),
    });
    expect(mirror).toEqual({ copies: [], sameAs: [], canonical: 'generic:press-club-copy' });
    const own = await linkRecord(index, { id: 'eeas:the-remarks', site: 'eeas', text: first!.text });
    expect(own.sameAs).toEqual(['generic:press-club-copy']);
    expect(own.canonical).toBe('eeas:the-remarks');
    const later = await linkRecord(index, {
      id: 'generic:a-news-mirror',
      site: 'generic',
      text: mirrorOf(first!.text, 8),
    });
    expect(later.sameAs).toEqual(['eeas:the-remarks', 'generic:press-club-copy']);
    expect(later.canonical).toBe('eeas:the-remarks');
    expect((await copiesOfIndexed(index, 'generic:press-club-copy')).map((c) => c.id).sort()).toEqual([
      'eeas:the-remarks',
      'generic:a-news-mirror',
    ]);
  });

  it("replaces a record's entry when a new version of it is linked, instead of linking it to itself", async () => {
    const [a, b] = remarks();
    const index = new MemoryLinkIndex();
    await linkRecord(index, { id: 'eeas:x', site: 'eeas', text: a!.text });
    const again = await linkRecord(index, {
      id: 'eeas:x',
      site: 'eeas',
      text: `${a!.text}\n\nOne more sentence.`,
    });
    expect(again.copies).toEqual([]);
    await linkRecord(index, { id: 'eeas:x', site: 'eeas', text: b!.text });
    expect((await linkRecord(index, { id: 'generic:y', site: 'generic', text: a!.text })).copies).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('estimates Jaccard similarity from signatures, and a signature survives encoding', () => {
    const [a, b] = remarks();
    const sa = signatureOf(a!.text);
    expect(similarity(sa, signatureOf(a!.text))).toBe(1);
    expect(similarity(sa, signatureOf(b!.text))).toBeLessThan(0.1);
    expect(similarity(signatureOf(''), signatureOf(''))).toBe(0);
    expect(decodeSignature(encodeSignature(sa))).toEqual(sa);
    expect(decodeSignature('bm90IGEgc2lnbmF0dXJl')).toBeNull();
    expect(bucketsOf(sa)).toHaveLength(64);
    expect(bucketsOf(signatureOf(''))).toEqual([]);
  });

  it('estimates the true Jaccard similarity of the shingle sets within a few points, short texts included', () => {
    const [a] = remarks();
    const words = a!.text.split(/\s+/);
    // Shingle sets with a known overlap: the first n words, and the same n words shifted by k.
    for (const [n, k] of [
      [40, 8],
      [120, 30],
      [270, 40],
      [270, 120],
    ] as const) {
      const x = words.slice(0, n).join(' ');
      const y = words.slice(k, k + n).join(' ');
      const shared = n - k - 3;
      const truth = shared / (2 * (n - 3) - shared);
      expect(Math.abs(similarity(signatureOf(x), signatureOf(y)) - truth)).toBeLessThan(0.12);
    }
  });

  it('compares words whatever their typography, case and accents', () => {
    const plain =
      'The Ministers agreed that cafe owners in Malmo will get "support" - today - for the "energy" bill.';
    const typeset =
      'The ministers agreed that café owners in Malmö will get “support” – today – for the ‘energy’ bill.';
    expect(similarity(signatureOf(plain), signatureOf(typeset))).toBe(1);
    expect(signatureOf('Ｆｕｌｌｗｉｄｔｈ ﬁnance ｗｏｒｄｓ')).toEqual(
      signatureOf('fullwidth finance words'),
    );
  });

  it('orders copies with known institution sites first, then by id', () => {
    expect(
      canonicalOrder([
        { id: 'generic:b', site: 'generic' },
        { id: 'generic:a', site: 'generic' },
        { id: 'consilium:c', site: 'consilium' },
      ]).map((c) => c.id),
    ).toEqual(['consilium:c', 'generic:a', 'generic:b']);
  });
});
