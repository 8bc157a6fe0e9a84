/* global performance, Buffer */
// Figures: Pressline's extractor side by side with Microsoft Recognizers-Text and compromise,
// in one run. Accuracy: each extractor's figures go through the corpus scorer
// (../shared/corpus/score.mjs) via bench/figures-adapter.mjs. Speed: mean time per corpus
// document, warm, in this process (Recognizers-Text: on a subset, it takes seconds a document).
//   npm run bench:figures            (FIGURES_BENCH_RECOGNIZERS_DOCS=N to time it on N documents)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractors } from './figures-extractors.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(here, '../../shared/corpus');
if (!existsSync(join(corpus, 'score.mjs'))) {
  console.log(
    `figures bench skipped: no corpus at ${corpus} (the shared corpus is not checked out beside the repo)`,
  );
  process.exit(0);
}

const texts = readdirSync(corpus)
  .filter((f) => /^\d+\.txt$/.test(f) && existsSync(join(corpus, f.replace('.txt', '.gold.json'))))
  .sort()
  .map((f) => {
    const raw = readFileSync(join(corpus, f), 'utf8');
    const cut = raw.indexOf('\n---\n');
    return cut >= 0 ? raw.slice(cut + 5) : raw;
  });
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const recognizerDocs = Math.min(texts.length, Number(process.env.FIGURES_BENCH_RECOGNIZERS_DOCS ?? 8));

/** Mean ms per document over `docs`, after one warm-up pass, repeated until `minMs` have passed. */
function timePerDoc(fn, docs, minMs) {
  for (const t of docs) fn(t);
  let n = 0;
  const t0 = performance.now();
  do {
    for (const t of docs) fn(t);
    n += docs.length;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / n;
}

function score(name) {
  const r = spawnSync(
    process.execPath,
    [
      join(corpus, 'score.mjs'),
      '--corpus',
      corpus,
      '--cmd',
      `"${process.execPath}" "${join(here, 'figures-adapter.mjs')}" ${name}`,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{'))
    throw new Error(`scoring ${name} failed: ${last}\n${r.stderr}`);
  return JSON.parse(last).figures;
}

const rows = [];
for (const name of ['pressline', 'compromise', 'recognizers']) {
  const acc = score(name);
  const docs = name === 'recognizers' ? texts.slice(0, recognizerDocs) : texts;
  const ms = timePerDoc(extractors[name], docs, name === 'pressline' ? 2000 : 1);
  const docBytes = docs.reduce((n, t) => n + Buffer.byteLength(t), 0) / docs.length;
  rows.push({ name, ...acc, ms, msPerKb: ms / (docBytes / 1024), timedOn: docs.length });
}

const base = rows.find((r) => r.name === 'pressline');
const label = {
  pressline: 'Pressline `extractFigures`',
  compromise: 'compromise 14 (`numbers()`)',
  recognizers: 'Recognizers-Text 1.3 (English)',
};
console.log(
  `Corpus: ${texts.length} transcripts, ${(bytes / 1024).toFixed(0)} kB, ${base.gold} gold figures (optional ones left out).\n`,
);
console.log(
  '| extractor | precision | recall | F1 | ms / document | ms / kB | time per kB vs Pressline | timed on |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${label[r.name]} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.f1.toFixed(3)} | ${r.ms.toFixed(3)} | ${r.msPerKb.toFixed(3)} | ${r === base ? '1×' : `${Math.round(r.msPerKb / base.msPerKb).toLocaleString('en-US')}×`} | ${r.timedOn} docs |`,
  );
}
console.log(
  `\nAccuracy: every extractor on all ${texts.length} documents through ../shared/corpus/score.mjs. ` +
    `Time: warm, in one process; Recognizers-Text on the first ${recognizerDocs} documents only (seconds each).`,
);
