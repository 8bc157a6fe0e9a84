import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, type KnownTranscript } from './conventions.js';
import { formatRates, fromGold, rates } from './score.js';

/**
 * The shape generator over the visible corpus's gold (`npm run eval:shapes`): each document whose
 * gold turns are found in its clean text is re-rendered in every convention. The corpus is read
 * at run time, never copied; without `PRESSLINE_SHAPES_CORPUS` the suite is skipped.
 */
const dir = process.env.PRESSLINE_SHAPES_CORPUS;

describe.skipIf(!dir || !existsSync(dir))('shape generator over the corpus gold', () => {
  it('re-renders every document with known turns in every convention and prints the pass rates', () => {
    const known: KnownTranscript[] = [];
    const files = readdirSync(dir!).filter((f) => /^\d+\.txt$/.test(f));
    for (const f of files.sort()) {
      const id = f.replace('.txt', '');
      const raw = readFileSync(join(dir!, f), 'utf8');
      const gold = JSON.parse(readFileSync(join(dir!, `${id}.gold.json`), 'utf8'));
      const t = fromGold(id, raw.slice(raw.indexOf('\n---\n') + 5), gold);
      if (t) known.push(t);
    }
    const table = rates(known, CONVENTIONS);
    console.log(
      `shape generator on ${known.length} corpus documents with known turns (of ${files.length})\n${formatRates(table)}`,
    );
    if (process.env.PRESSLINE_SHAPES_VERBOSE)
      for (const r of table)
        for (const f of r.failures)
          console.log(`${r.convention} · ${f.id}\n  ${f.problems.slice(0, 4).join('\n  ')}`);
    expect(known.length).toBeGreaterThan(0);
  });
});
