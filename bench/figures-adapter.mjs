/* global performance */
// Prints one JSON line `{"figures":[…]}` per input file, from one extractor, in the record's
// terms (kind, value, valueMax, unit), so that ../shared/corpus/score.mjs can score it:
//   node bench/figures-adapter.mjs pressline|recognizers|compromise FILE…
// Writes the total extraction time (ms, reading excluded) to stderr as `time-ms N`.
import { readFileSync } from 'node:fs';
import { extractors } from './figures-extractors.mjs';

const [name, ...files] = process.argv.slice(2);
const extract = extractors[name];
if (!extract) {
  console.error(`usage: figures-adapter.mjs ${Object.keys(extractors).join('|')} FILE…`);
  process.exit(2);
}
let ms = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const t0 = performance.now();
  const figures = extract(text);
  ms += performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ figures })}\n`);
}
process.stderr.write(`time-ms ${ms}\n`);
