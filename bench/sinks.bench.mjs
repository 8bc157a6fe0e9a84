/* global performance */
// Sinks: records per second into each archive, one record per delivery (as the deliver
// workers do today; alone, and 4 at once as at CONCURRENCY=4) side by side with batched
// deliveries (`deliverMany`, 100 at a time), in one run. JSON Lines with fsync always and never; PostgreSQL at DATABASE_URL (else
// 127.0.0.1:5432/test; skipped when none answers) in a schema of its own, dropped after;
// webhooks to a local HTTP receiver in this process. Serialising the records alone is the floor.
//   npm run bench -- sinks          (SINKS_BENCH_N=records per row, default 1000)
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PressRecord } from '../dist/schemas/record.js';
import { JsonlSink } from '../dist/sinks/jsonl.js';
import { PostgresSink } from '../dist/sinks/postgres.js';
import { WebhookSink } from '../dist/sinks/webhook.js';

const N = Number(process.env.SINKS_BENCH_N ?? 1000);
const BATCH = 100;
const LANES = 4;
const sha = (s) => createHash('sha256').update(s).digest('hex');

/** A made-up record of a typical size (about 6 kB of text, 12 segments, 10 figures). */
function makeRecord(run, i) {
  const turns = [];
  let text = '';
  const segments = [];
  const figures = [];
  for (let t = 0; t < 12; t++) {
    const kind = t === 0 ? 'remarks' : t % 2 ? 'question' : 'answer';
    const amount = `€${(t + 1) * 10 + (i % 7)} million`;
    const words =
      `${kind === 'question' ? 'Could you tell us' : 'We have agreed'} on ${amount} for the programme in ${2025 + (t % 2)}. `.repeat(
        5,
      );
    if (t) text += '\n\n';
    const start = text.length;
    text += words;
    const id = `s${t + 1}`;
    segments.push({
      id,
      kind,
      speaker: kind === 'question' ? null : 'Maroš Šefčovič',
      start,
      end: text.length,
      text: words,
    });
    if (t < 10) {
      const at = start + words.indexOf(amount);
      figures.push({
        id: `f${t + 1}`,
        kind: 'money',
        value: ((t + 1) * 10 + (i % 7)) * 1e6,
        valueMax: null,
        unit: 'EUR',
        approx: null,
        item: 'programme',
        text: amount,
        start: at,
        end: at + amount.length,
        segment: id,
      });
    }
    turns.push(words);
  }
  text += `\n\nRun ${run}, record ${i}.`;
  const now = new Date().toISOString();
  return PressRecord.parse({
    schemaVersion: 1,
    id: `ec-presscorner:bench_${run}_${i}`,
    version: sha(text),
    source: {
      url: `https://ec.europa.eu/commission/presscorner/detail/en/bench_${i}`,
      path: null,
      site: 'ec-presscorner',
      fetchedAt: now,
      contentType: 'text/html',
      rawSha256: sha(`raw${i}`),
    },
    meta: {
      title: `Bench remarks ${i}`,
      date: '2025-05-01',
      place: 'Brussels',
      speakers: [{ name: 'Maroš Šefčovič', role: 'Commissioner' }],
      event: null,
      language: 'en',
      videoUrl: null,
      checkAgainstDelivery: false,
    },
    text,
    segments,
    exchanges: [],
    figures,
    pipeline: { version: '0.1.0', traceId: randomUUID(), stages: { fetch: now } },
  });
}

let runs = 0;
const records = () => {
  runs++;
  return Array.from({ length: N }, (_, i) => makeRecord(`${process.pid}_${runs}`, i));
};

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

async function single(sink, recs) {
  for (const r of recs) await sink.deliver(r);
}
async function batched(sink, recs) {
  for (let i = 0; i < recs.length; i += BATCH) await sink.deliverMany(recs.slice(i, i + BATCH));
}
/** One record per delivery, LANES at once: what a deliver worker does at CONCURRENCY=4. */
async function concurrent(sink, recs) {
  let next = 0;
  const lane = async () => {
    while (next < recs.length) await sink.deliver(recs[next++]);
  };
  await Promise.all(Array.from({ length: LANES }, lane));
}

const rows = [];
async function measure(sinkName, make, cleanup = async () => {}) {
  for (const [mode, fn] of [
    ['single', single],
    [`single, ${LANES} at once`, concurrent],
    [`batched ×${BATCH}`, batched],
  ]) {
    const recs = records();
    const sink = await make();
    const s = await time(() => fn(sink, recs));
    await sink.close();
    rows.push({ sink: sinkName, mode, n: recs.length, s });
  }
  await cleanup();
}

// The floor: serialising the records, which every sink does at least once.
{
  const recs = records();
  const s = await time(async () => {
    for (const r of recs) JSON.stringify(r);
  });
  rows.push({ sink: '(JSON.stringify only)', mode: 'single', n: N, s });
}

for (const fsync of ['always', 'never']) {
  const dir = await mkdtemp(join(tmpdir(), 'pressline-bench-'));
  await measure(
    `jsonl (fsync ${fsync})`,
    async () => new JsonlSink({ dir, fsync }),
    () => rm(dir, { recursive: true, force: true }),
  );
}

const dbUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Pool({ connectionString: dbUrl, max: 1, connectionTimeoutMillis: 2000 });
let pgNote = '';
try {
  await admin.query('SELECT 1');
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const migrator = new PostgresSink({ connectionString: dbUrl, schema, poolSize: 1 });
  await migrator.migrate();
  await migrator.close();
  await measure(
    'pg',
    async () => new PostgresSink({ connectionString: dbUrl, schema }),
    () => admin.query(`DROP SCHEMA ${schema} CASCADE`),
  );
} catch (err) {
  pgNote = `pg skipped: no PostgreSQL answers at ${dbUrl.replace(/\/\/[^@]*@/, '//')} (${err.message})`;
} finally {
  await admin.end();
}

let received = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received++;
    res.writeHead(204).end();
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/hook`;
const secret = `whsec_${randomBytes(32).toString('base64')}`;
await measure('webhook', async () => new WebhookSink({ url, secrets: [secret], concurrency: 16 }));
server.close();
if (received !== 3 * N) throw new Error(`the receiver got ${received} webhooks, expected ${3 * N}`);

const base = new Map();
for (const r of rows) if (r.mode === 'single') base.set(r.sink, r.n / r.s);
console.log(
  `Records of ~${Math.round(JSON.stringify(makeRecord('x', 0)).length / 1024)} kB; ${N} per row; node ${process.version}.\n`,
);
console.log('| sink | mode | records | seconds | records/s | vs single |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of rows) {
  const rate = r.n / r.s;
  console.log(
    `| ${r.sink} | ${r.mode} | ${r.n} | ${r.s.toFixed(2)} | ${Math.round(rate).toLocaleString('en')} | ${(rate / base.get(r.sink)).toFixed(1)}× |`,
  );
}
if (pgNote) console.log(`\n${pgNote}`);
