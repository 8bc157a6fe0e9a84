// Fetch client cost and politeness, against a local node:http server (loopback only).
// Baseline: a bare undici request on a keep-alive Agent, no guard, no robots, no limiter.
// Run: npm run build && node bench/fetch.bench.mjs
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { HttpClient } from '../dist/fetch/http.js';
import { MemoryHostLimiter } from '../dist/fetch/limiter.js';

const N = 400;
const page = Buffer.from(
  `<html><body>${'<p>Remarks by the High Representative on the situation. '.repeat(200)}</p></body></html>`,
);
const gz = gzipSync(page);
const arrivals = [];
const server = createServer((req, res) => {
  arrivals.push(performance.now());
  if (req.url === '/robots.txt') return res.end('User-agent: *\nDisallow: /private/\n');
  const zipped = req.url?.startsWith('/gz/');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    ...(zipped ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(zipped ? gz : page);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const options = (o = {}) => ({
  userAgent: 'Pressline-bench/0.1 (+https://example.invalid)',
  timeoutMs: 5000,
  bodyTimeoutMs: 5000,
  totalTimeoutMs: 10000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  retries: 0,
  retryBaseMs: 10,
  maxRetryAfterMs: 1000,
  respectRobots: true,
  allowPrivate: true,
  ...o,
});

async function timed(label, fn, n = N, parallel = 8) {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  const ms = performance.now() - t0;
  return { label, n, ms, rps: (n / ms) * 1000 };
}

const agent = new Agent({ keepAliveTimeout: 10_000 });
const fast = new HttpClient(options(), {
  limiter: new MemoryHostLimiter({ minIntervalMs: 0, concurrency: 8 }),
});
// Warm both (connections, JIT) before measuring.
await timed(
  'warm-up',
  async (i) => {
    await (await request(`${base}/w/${i}`, { dispatcher: agent })).body.arrayBuffer();
    await fast.get(`${base}/w/${i}`);
  },
  100,
);
const rows = [];
rows.push(
  await timed('baseline: bare undici request', async (i) => {
    const r = await request(`${base}/p/${i}`, { dispatcher: agent });
    await r.body.arrayBuffer();
  }),
);
rows.push(await timed('HttpClient (guard, robots, limiter at 0 ms)', (i) => fast.get(`${base}/p/${i}`)));
rows.push(await timed('HttpClient, gzip bodies decompressed with a cap', (i) => fast.get(`${base}/gz/${i}`)));

// Politeness: 60 requests, 8 at once, 20 ms minimum interval.
const polite = new HttpClient(options(), {
  limiter: new MemoryHostLimiter({ minIntervalMs: 20, concurrency: 8 }),
});
await polite.get(`${base}/warm`);
arrivals.length = 0;
const p = await timed('HttpClient, 20 ms per-host interval', (i) => polite.get(`${base}/p/${i}`), 60);
rows.push(p);
const sorted = [...arrivals].sort((a, b) => a - b);
let closest = Infinity;
for (let i = 1; i < sorted.length; i++) closest = Math.min(closest, sorted[i] - sorted[i - 1]);

console.log('| client | requests | total ms | requests/s |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.n} | ${r.ms.toFixed(0)} | ${r.rps.toFixed(0)} |`);
console.log(
  `\nPoliteness: closest two arrivals at the server ${closest.toFixed(1)} ms apart (interval 20 ms, 8 requests in flight allowed).`,
);

await Promise.all([agent.close(), fast.close(), polite.close()]);
server.close();
