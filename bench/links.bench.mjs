/* global performance */
// Near-duplicate linking.
// 1. Precision and recall on pairs built from Pressline's own made-up remarks
//    (bench/links-pairs.mjs: mirrors with chrome, 10% of sentences dropped and 3% typos must
//    link; remarks by the same speaker on the same topic must not), with the memory index and
//    with the Redis index.
// 2. The signature per record: the folding alone, the whole signature, and scheme 1's
//    (bench/links-scheme1.mjs) in the same run.
// 3. Linking new records into the REAL Redis index (RedisLinkIndex) filled with 1,000, 10,000
//    and LINKS_BENCH_N (default 100,000) records: per link, the signature and the Redis round
//    trip (lookup + confirm + put), median and p99, in LINKS_BENCH_ROUNDS rounds (default 3) of
//    LINKS_BENCH_PROBES links (default 300), and the Redis memory per record. The index is
//    bulk-loaded (pipelined) between sizes. A redis-server of the bench's own on a free port;
//    REDIS_URL with a fresh key prefix when redis-server is not installed.
//   npm run bench -- links
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { buildPairs, mirrorOf, random } from './links-pairs.mjs';
import { startRedis } from '../test/helpers/redis-servers.mjs';
import { scheme1Signature } from './links-scheme1.mjs';
import { confirm, linkRecord, MemoryLinkIndex, signatureOf } from '../dist/links/index.js';
import { foldForLinking } from '../dist/links/minhash.js';
import { foldTypography } from '../dist/changes/typography.js';
import { defaultOf } from '../dist/config.js';
import { keyspace } from '../dist/store/keys.js';
import { RedisLinkIndex } from '../dist/store/link-index.js';

const N = Number(process.env.LINKS_BENCH_N ?? 100_000);
const SIZES = [1000, 10_000, N].filter((n, i, all) => n <= N && all.indexOf(n) === i);
const PROBES = Number(process.env.LINKS_BENCH_PROBES ?? 300);
const ROUNDS = Number(process.env.LINKS_BENCH_ROUNDS ?? 3);

const own = spawnSync('redis-server', ['--version']).status === 0 ? await startRedis() : null;
const url = own ? `redis://127.0.0.1:${own.port}` : (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const redis = new Redis(url);
const prefix = `bench-links-${randomUUID()}`;
/** Records the Redis index keeps (LINK_WINDOW): LINKS_BENCH_WINDOW, else the default. */
const WINDOW = Number(process.env.LINKS_BENCH_WINDOW ?? defaultOf('linkWindow'));
const indexFor = (name) => new RedisLinkIndex(redis, keyspace({ queuePrefix: `${prefix}-${name}` }), WINDOW);
console.log(own ? `Redis: own redis-server at ${url}` : `Redis: ${url}, key prefix ${prefix}`);

const ms = (t0) => performance.now() - t0;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const stats = (xs) =>
  `median ${quantile(xs, 0.5).toFixed(3)} ms, p99 ${quantile(xs, 0.99).toFixed(3)} ms, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)} ms`;

try {
  // 1. Precision and recall.
  const { docs, pairs } = buildPairs();
  const positives = pairs.filter((p) => p.same).length;
  const hardNegatives = pairs.filter((p) => !p.same && p.sameSpeaker);
  console.log(
    `documents ${docs.length}, pairs ${pairs.length}: ${positives} same remarks, ${pairs.length - positives} different (${hardNegatives.length} same speaker and topic)`,
  );
  for (const [name, index] of [
    ['memory index', new MemoryLinkIndex()],
    ['Redis index', indexFor('pairs')],
  ]) {
    const linked = new Set();
    for (const d of docs)
      for (const c of (await linkRecord(index, d)).copies) linked.add([d.id, c.id].sort().join('|'));
    const isLinked = (p) => linked.has([p.a, p.b].sort().join('|'));
    const tp = pairs.filter((p) => p.same && isLinked(p)).length;
    const fp = pairs.filter((p) => !p.same && isLinked(p)).length;
    console.log(
      `${name}: precision ${(tp / (tp + fp || 1)).toFixed(3)}  recall ${(tp / positives).toFixed(3)}  (linked ${tp + fp}, wrong ${fp}, same-speaker wrongly linked ${hardNegatives.filter(isLinked).length})`,
    );
  }

  // Made-up texts of about 270 words in sentences, from a 3,000-word vocabulary: unrelated to each other.
  const rnd = random(42);
  const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const madeUp = () =>
    Array.from({ length: 18 }, () =>
      Array.from({ length: 15 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' '),
    ).join('. ') + '.';

  // 2. The signature, on the pairs' remarks and mirrors (about 270 words each).
  const sample = docs.map((d) => d.text);
  for (const t of sample) signatureOf(t);
  const partTimes = (f) =>
    Array.from({ length: 10 }, () => sample)
      .flat()
      .map((t) => {
        const t0 = performance.now();
        f(t);
        return ms(t0);
      });
  for (let round = 0; round < 2; round++) {
    console.log(`signature, round ${round + 1}, per record of ~270 words:`);
    console.log(`  folding (NFKD, lower case, accents) ${stats(partTimes(foldForLinking))}`);
    console.log(`  whole signature (signatureOf)       ${stats(partTimes(signatureOf))}`);
    console.log(
      `  scheme 1 (128 permutations)         ${stats(partTimes((t) => scheme1Signature(t, foldTypography)))}`,
    );
  }

  // 3. Linking into the Redis index at each size.
  const index = indexFor('cost');
  let size = 0;
  let serial = 0;
  for (const target of SIZES) {
    let t0 = performance.now();
    const batch = [];
    for (; size < target; size++) {
      batch.push({ id: `filler:${size}`, site: 'generic', signature: signatureOf(madeUp()) });
      if (batch.length === 5000 || size + 1 === target) await index.load(batch.splice(0));
    }
    const fillS = ms(t0) / 1000;
    const mem = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
    const kept = await redis.hlen(keyspace({ queuePrefix: `${prefix}-cost` }).minhash);
    console.log(
      `at ${target} records linked, ${kept} kept (window ${WINDOW}; filled in ${fillS.toFixed(1)} s; Redis ${(mem / 1e6).toFixed(0)} MB, ${Math.round(mem / kept)} bytes per record kept):`,
    );
    // Rounds, because a loaded machine stalls the bench and Redis now and then: each round's
    // PING shows how much; the round with the lowest median link is the machine at its calmest.
    for (let round = 1; round <= ROUNDS; round++) {
      const sigTimes = [];
      const linkTimes = [];
      const pingTimes = [];
      let found = 0;
      let candidates = 0;
      // Half the probes are new remarks, half a mirror of the one before (10% of sentences dropped, 3% typos).
      let previous = '';
      // Time inside Redis per script call (INFO commandstats on the bench's own server: wall time,
      // so a stalled Redis inflates it too) and this process's CPU time for the whole link.
      if (own) await redis.config('RESETSTAT');
      let nodeCpu = 0;
      for (let i = 0; i < PROBES; i++) {
        const text = i % 2 ? mirrorOf(previous, 9000 + serial, { chrome: false }) : madeUp();
        previous = text;
        const id = `probe:${serial++}`;
        t0 = performance.now();
        await redis.ping();
        pingTimes.push(ms(t0));
        t0 = performance.now();
        const signature = signatureOf(text);
        sigTimes.push(ms(t0));
        const cpu0 = process.cpuUsage();
        t0 = performance.now();
        const seen = await index.link({ id, site: 'generic', signature });
        const copies = confirm(id, signature, seen);
        linkTimes.push(ms(t0));
        const cpu = process.cpuUsage(cpu0);
        nodeCpu += (cpu.user + cpu.system) / 1000;
        candidates += seen.length;
        if (i % 2 && copies.some((c) => c.id === `probe:${serial - 2}`)) found++;
      }
      size += PROBES;
      const commandstats = await redis.info('commandstats');
      const script = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(commandstats);
      // The commands the script ran inside Redis, per link.
      const inside = ['hget', 'hgetall', 'hset', 'hdel', 'hmget', 'get', 'set']
        .map((c) => [
          c,
          Number(new RegExp(`cmdstat_${c}:calls=(\\d+)`).exec(commandstats)?.[1] ?? 0) / PROBES,
        ])
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${n.toFixed(1)} ${c.toUpperCase()}`)
        .join(', ');
      const redisCpu =
        own && script ? `${(Number(script[2]) / Number(script[1]) / 1000).toFixed(3)} ms` : 'n/a';
      console.log(
        `  round ${round}: ${found}/${PROBES / 2} mirrors found their original, ${(candidates / PROBES).toFixed(2)} candidates per link`,
      );
      console.log(`    signature                       ${stats(sigTimes)}`);
      console.log(`    Redis lookup + confirm + put    ${stats(linkTimes)}`);
      console.log(`    together                        ${stats(sigTimes.map((x, k) => x + linkTimes[k]))}`);
      console.log(`    (a PING                         ${stats(pingTimes)})`);
      console.log(
        `    per link: inside Redis (the script) ${redisCpu} (${inside}), Node CPU (signature excluded) ${(nodeCpu / PROBES).toFixed(3)} ms`,
      );
    }
  }
} finally {
  if (own) {
    redis.disconnect();
    await own.stop();
  } else {
    for (const match of [`{${prefix}-*`]) {
      const stream = redis.scanStream({ match, count: 1000 });
      for await (const keys of stream) if (keys.length) await redis.unlink(...keys);
    }
    redis.disconnect();
  }
}
