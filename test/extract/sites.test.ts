import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { segmentTranscript } from '../../src/segment/index.js';

const dir = join(import.meta.dirname, '../fixtures/sites');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const first5 = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .slice(0, 5)
    .join(' ');

const pages: [string, string | null, string][] = [
  [
    'eeas.html',
    'https://www.eeas.europa.eu/eeas/foreign-affairs-council-press-remarks-high-representative-kaja-kallas-after-meeting-3_en',
    'text/html; charset=utf-8',
  ],
  [
    'eeas-delegation.html',
    'https://www.eeas.europa.eu/delegations/ukraine/ukraine-remarks-high-representative-kaja-kallas-joint-press-conference_en',
    'text/html',
  ],
  ['eeas-changed.html', null, 'text/html'],
  [
    'ec-presscorner.json',
    'https://ec.europa.eu/commission/presscorner/api/documents?reference=SPEECH/26/612&language=en',
    'application/json',
  ],
  [
    'consilium.html',
    'https://www.consilium.europa.eu/en/press/press-releases/2026/05/12/remarks-by-paschal-donohoe-following-the-eurogroup-meeting/',
    'text/html',
  ],
  [
    'ecb.html',
    'https://www.ecb.europa.eu/press/press_conference/monetary-policy-statement/2026/html/ecb.is260611~3f2a1b.en.html',
    'text/html',
  ],
  ['generic-news.html', 'https://eurowire.example/2026/04/02/costa-canada-statement', 'text/html'],
];

interface Expected {
  site: string;
  extractor: string;
  warns?: boolean;
  meta: Record<string, unknown>;
  speakers?: string[];
  textStartsWith?: string;
  textEndsWith?: string;
  questions: string[];
  answers: string[];
  answerSpeakers?: string[];
}

describe.each(pages)('the adapter for %s', (file, url, contentType) => {
  const want = JSON.parse(read(file.replace(/\.(html|json)$/, '.expected.json'))) as Expected;
  const got = extract({ body: read(file), contentType, url });
  const seg = segmentTranscript(got.text, got.meta);

  it('is chosen by URL and markup, and says which extractor ran', () => {
    expect([got.site, got.extractor]).toEqual([want.site, want.extractor]);
    expect(got.warnings.length > 0).toBe(Boolean(want.warns));
  });

  it('fills the metadata the page gives', () => {
    expect(got.meta).toMatchObject(want.meta);
    const names = seg.speakers.map((s) => s.name);
    for (const s of want.speakers ?? []) expect(names).toContain(s);
  });

  it('keeps the spoken text only, without menus, banners, share bars, related lists or footers', () => {
    if (want.textStartsWith) expect(got.text.startsWith(want.textStartsWith)).toBe(true);
    if (want.textEndsWith) expect(got.text.endsWith(want.textEndsWith)).toBe(true);
    expect(got.text).not.toMatch(
      /cookie|Share on|Related|All rights reserved|Leave a Reply|Check against delivery|Link to the video|Press contacts|\+32/i,
    );
    expect(got.text).not.toMatch(/\n\n\n/);
  });

  it('finds every question with the answer that follows it', () => {
    const qs = seg.segments.filter((s) => s.kind === 'question');
    expect(qs.map((q) => first5(q.text))).toEqual(want.questions.map(first5));
    const answers = qs.map((q) => seg.segments[seg.segments.indexOf(q) + 1]!);
    expect(answers.map((a) => [a.kind, first5(a.text)])).toEqual(
      want.answers.map((a) => ['answer', first5(a)]),
    );
    if (want.answerSpeakers) {
      const byId = new Map(seg.segments.map((s) => [s.id, s]));
      expect(seg.exchanges.flatMap((x) => x.answers.map((id) => byId.get(id)!.speaker))).toEqual(
        want.answerSpeakers,
      );
    }
    if (seg.segments.some((s) => s.kind === 'answer' && s.speaker !== null))
      expect(seg.exchanges.length).toBe(qs.length);
  });
});
