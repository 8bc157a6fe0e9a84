// Pairs for measuring near-duplicate linking, built from Pressline's own made-up remarks
// (test/fixtures/remarks/): mirror-like copies of each (site chrome added, about 10% of the
// sentences dropped, typos, another title) must link to it; remarks by the same speaker on
// the same topic, and any two different remarks, must not. Deterministic (seeded).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/remarks');

/** A small seeded generator (mulberry32), so every run builds the same pairs. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHROME_TOP = [
  'Home > Newsroom > Speeches and statements',
  'Share this page: Facebook Twitter LinkedIn Email',
  'Subscribe to our newsletter to get the latest news from Brussels delivered to your inbox',
];
const CHROME_BOTTOM = [
  'Related articles: Ministers meet in Luxembourg; Commission adopts work programme; Press club events this week',
  'This website uses cookies to improve your experience. Accept all cookies or manage your preferences.',
  'Copyright 2026 Brussels Press Club. All rights reserved. Contact us | Privacy policy | Terms of use',
];

/** A typo in a word: two letters swapped, or one dropped. */
function typo(word, rnd) {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  return rnd() < 0.5
    ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

/**
 * A mirror-like copy of remarks: chrome around the text, `drop` of its sentences left out,
 * `typos` of its words misspelt. The options default to the bench's mirror: 10% and 3%.
 */
export function mirrorOf(text, seed, { drop = 0.1, typos = 0.03, chrome = true } = {}) {
  const rnd = random(seed);
  const paragraphs = text.split(/\n\s*\n/).map((p) => {
    const sentences = p.match(/[^.!?]+[.!?]+["”’]?\s*/g) ?? [p];
    const kept = sentences.filter(() => rnd() >= drop);
    return kept
      .join('')
      .split(/(\s+)/)
      .map((w) => (/\S/.test(w) && rnd() < typos ? typo(w, rnd) : w))
      .join('')
      .trim();
  });
  const body = paragraphs.filter(Boolean);
  return (chrome ? [...CHROME_TOP, ...body, ...CHROME_BOTTOM] : body).join('\n\n');
}

/** The made-up remarks: name (speaker-topic-when) → text. */
export function remarks() {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(DIR, f), 'utf8') }));
}

/**
 * The labelled pairs: for each remarks, `copies` mirrors (each must link to the original and to
 * the other mirrors), and every pair of different remarks or of their mirrors (must not link).
 * `sameSpeaker` marks the negatives by one speaker on one topic (same file-name stem).
 */
export function buildPairs(copies = 4) {
  const docs = [];
  for (const [r, { name, text }] of remarks().entries()) {
    docs.push({ id: `${name}/original`, group: name, site: 'eeas', text });
    for (let c = 0; c < copies; c++)
      docs.push({
        id: `${name}/mirror-${c}`,
        group: name,
        site: 'generic',
        text: mirrorOf(text, 1000 * r + c + 1),
      });
  }
  const pairs = [];
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i];
      const b = docs[j];
      const speaker = (d) => d.group.split('-').slice(0, 2).join('-');
      pairs.push({ a: a.id, b: b.id, same: a.group === b.group, sameSpeaker: speaker(a) === speaker(b) });
    }
  return { docs, pairs };
}
