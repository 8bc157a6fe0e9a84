// A/B of the clean bench's Pressline child between two built trees of the project:
//   node bench/clean-ab.mjs <dirA> <dirB> [pairs=4]
// Each dir needs a built dist/ and bench/clean.bench.mjs. Alternates children; prints median CPU ms/doc of each.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
const [a, b] = [resolve(process.argv[2]), resolve(process.argv[3])];
const pairs = Number(process.argv[4] ?? 4);
const res = { [a]: [], [b]: [] };
for (let i = 0; i < pairs; i++)
  for (const d of i % 2 ? [b, a] : [a, b]) {
    const r = spawnSync(process.execPath, [join(d, 'bench/clean.bench.mjs')], {
      env: { ...process.env, CLEAN_BENCH_CHILD: 'pressline', BENCH_ROUNDS: '8' },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    res[d].push(...JSON.parse(r.stdout).per);
  }
const med = (x) => {
  const s = [...x].sort((p, q) => p - q);
  return s[s.length >> 1];
};
const ma = med(res[a]),
  mb = med(res[b]);
console.log(
  `A ${a}: ${ma.toFixed(3)} ms/doc   B ${b}: ${mb.toFixed(3)} ms/doc   B/A ${(mb / ma).toFixed(3)}`,
);
