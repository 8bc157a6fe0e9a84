/* global performance */
// Near-duplicate linking: precision and recall on pairs built from Pressline's own made-up
// remarks (bench/links-pairs.mjs: mirrors with chrome, 10% of sentences dropped and 3% typos
// must link; remarks by the same speaker on the same topic must not), then the cost of linking
// one record into an index of LINKS_BENCH_N records (default 100,000; in memory).
//   npm run bench -- links
import { buildPairs, mirrorOf, random, remarks } from './links-pairs.mjs';
import { copiesOf, linkRecord, MemoryLinkIndex, signatureOf, bucketsOf } from '../dist/links/index.js';

const N = Number(process.env.LINKS_BENCH_N ?? 100_000);

// 1. Precision and recall.
const { docs, pairs } = buildPairs();
const index = new MemoryLinkIndex();
const linked = new Set();
for (const d of docs)
  for (const c of (await linkRecord(index, d)).copies) linked.add([d.id, c.id].sort().join('|'));
const isLinked = (p) => linked.has([p.a, p.b].sort().join('|'));
const tp = pairs.filter((p) => p.same && isLinked(p)).length;
const fp = pairs.filter((p) => !p.same && isLinked(p)).length;
const positives = pairs.filter((p) => p.same).length;
const hardNegatives = pairs.filter((p) => !p.same && p.sameSpeaker);
console.log(
  `documents ${docs.length}, pairs ${pairs.length}: ${positives} same remarks, ${pairs.length - positives} different (${hardNegatives.length} same speaker and topic)`,
);
console.log(
  `precision ${(tp / (tp + fp || 1)).toFixed(3)}  recall ${(tp / positives).toFixed(3)}  (linked ${tp + fp}, wrong ${fp}, same-speaker wrongly linked ${hardNegatives.filter(isLinked).length})`,
);

// 2. Cost at N records: N unrelated made-up texts (80 words each from a 3,000-word vocabulary).
const rnd = random(42);
const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
const big = new MemoryLinkIndex();
let t = performance.now();
for (let i = 0; i < N; i++) {
  const words = Array.from({ length: 80 }, () => vocab[Math.floor(rnd() * vocab.length)]);
  const signature = signatureOf(words.join(' '));
  await big.put({ id: `filler:${i}`, site: 'generic', signature }, bucketsOf(signature));
}
console.log(`filled ${N} records in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const texts = remarks().flatMap((r, k) =>
  Array.from({ length: 50 }, (_, c) => mirrorOf(r.text, 7000 + 100 * k + c)),
);
t = performance.now();
const sigs = texts.map((x) => signatureOf(x));
const sigMs = (performance.now() - t) / texts.length;
// Index work only (lookup, confirm, insert): the signature is made once per record, whatever the index size.
t = performance.now();
for (const [i, sig] of sigs.entries()) await copiesOf(big, `probe:${i}`, sig);
const lookupMs = (performance.now() - t) / sigs.length;
t = performance.now();
let found = 0;
for (const [i, sig] of sigs.entries()) {
  found += (await copiesOf(big, `probe:${i}`, sig)).length > 0 ? 1 : 0;
  await big.put({ id: `probe:${i}`, site: 'generic', signature: sig }, bucketsOf(sig));
}
const linkMs = (performance.now() - t) / sigs.length;
console.log(`at ${N} records: signature ${sigMs.toFixed(3)} ms per record (~270 words)`);
console.log(`  lookup + confirm among ${N} unrelated records: ${lookupMs.toFixed(3)} ms per record`);
console.log(
  `  lookup + confirm + insert, ${texts.length} mirrors of 6 remarks arriving one by one (all sharing one site's chrome): ${linkMs.toFixed(3)} ms per record; ${found}/${texts.length} found an earlier copy`,
);
