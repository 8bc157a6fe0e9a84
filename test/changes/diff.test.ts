import { describe, expect, it } from 'vitest';
import { diffRecords, diffText, foldTypography } from '../../src/changes/index.js';
import { RecordChange } from '../../src/schemas/change.js';
import { recordFixture, type Turn } from '../helpers/record.js';

const opening: Turn = {
  kind: 'remarks',
  speaker: 'Ursula von der Leyen',
  text: 'Good afternoon. Today we put forward €1.5 billion for the new facility, and 40% of it goes to clean energy.',
  figures: [
    { phrase: '€1.5 billion', kind: 'money', value: 1_500_000_000, unit: 'EUR', item: 'new facility' },
    { phrase: '40%', kind: 'percent', value: 40, unit: '%' },
  ],
};
const second: Turn = {
  kind: 'remarks',
  speaker: 'Ursula von der Leyen',
  text: 'We will also open the call to every region that wants to take part.',
};
const question: Turn = {
  kind: 'question',
  speaker: 'Agence Europe',
  text: "How much of this is the Union's new money?",
};
const answer: Turn = {
  kind: 'answer',
  speaker: 'Valdis Dombrovskis',
  text: 'Around €800 million is fresh funding; the rest comes from 3 existing programmes.',
  figures: [
    { phrase: '€800 million', kind: 'money', value: 800_000_000, unit: 'EUR', item: 'fresh funding' },
  ],
};

/** A record of these turns, with its one exchange pointing at the question, wherever it is. */
function record(turns: Turn[]) {
  const r = recordFixture({ turns });
  const q = r.segments.find((s) => s.kind === 'question');
  const a = r.segments.find((s) => s.kind === 'answer');
  return { ...r, exchanges: q ? [{ question: q.id, answers: a ? [a.id] : [] }] : [] };
}

describe('diffRecords', () => {
  const before = record([opening, second, question, answer]);

  it('finds nothing to report between a version and itself', () => {
    expect(diffRecords(before, before)).toBeNull();
  });

  it('reports a corrected figure as a significant change, with the word-level edit in its paragraph', () => {
    const corrected = {
      ...opening,
      text: opening.text.replace('€1.5 billion', '€1.2 billion'),
      figures: [
        { ...opening.figures![0]!, phrase: '€1.2 billion', value: 1_200_000_000 },
        opening.figures![1]!,
      ],
    };
    const change = diffRecords(before, record([corrected, second, question, answer]))!;
    expect(RecordChange.parse(change)).toEqual(change);
    expect(change.from).toBe(before.version);
    expect(change.significant).toBe(true);
    expect(change.reasons).toEqual(['figure changed: "€1.5 billion" → "€1.2 billion"']);
    expect(change.figures).toEqual([
      {
        op: 'changed',
        before: expect.objectContaining({ value: 1_500_000_000, item: 'new facility' }),
        after: expect.objectContaining({ value: 1_200_000_000, item: 'new facility' }),
      },
    ]);
    expect(change.text).toHaveLength(1);
    const para = change.text[0]!;
    expect(para).toMatchObject({ op: 'changed', before: 0, after: 0, typographic: false });
    expect(para.parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: '€1.5' },
      { op: 'added', text: '€1.2' },
    ]);
  });

  it('reports a removed question as significant, and its answer paragraphs as removed', () => {
    const change = diffRecords(before, record([opening, second]))!;
    expect(change.significant).toBe(true);
    expect(change.exchanges).toEqual([{ op: 'removed', before: question.text, after: null }]);
    expect(change.reasons).toContain(`question removed: "${question.text}"`);
    expect(change.reasons).toContain('figure removed: "€800 million"');
    expect(change.text.map((p) => [p.op, p.before])).toEqual([
      ['removed', 2],
      ['removed', 3],
    ]);
  });

  it('does not flag typography and whitespace edits as significant, but still shows them', () => {
    const retyped = {
      ...opening,
      text: opening.text.replace('Good afternoon.', 'Good\u00a0afternoon.').replace(', and', ' \u2014 and'),
    };
    const curly = { ...question, text: 'How much of this is the Union\u2019s new money?' };
    const change = diffRecords(before, record([retyped, second, curly, answer]))!;
    expect(change.significant).toBe(false);
    expect(change.reasons).toEqual([]);
    expect(change.figures).toEqual([]);
    expect(change.exchanges).toEqual([]);
    // A comma turned into a dash is an edit, shown; a curly apostrophe is typography only.
    expect(change.text.map((p) => [p.op, p.typographic])).toEqual([
      ['changed', false],
      ['changed', true],
    ]);
    const spaced = { ...opening, text: opening.text.replace('Good afternoon.', 'Good  afternoon.') };
    const onlySpace = diffRecords(before, record([spaced, second, question, answer]))!;
    expect(onlySpace.significant).toBe(false);
    expect(onlySpace.text).toEqual([expect.objectContaining({ op: 'changed', typographic: true })]);
  });

  it('shows an added paragraph and an added exchange, which are not significant on their own', () => {
    const q2: Turn = {
      kind: 'question',
      speaker: null,
      text: 'When will the first payments reach the regions?',
    };
    const a2: Turn = { kind: 'answer', speaker: 'Valdis Dombrovskis', text: 'Before the summer.' };
    const after = recordFixture({ turns: [opening, second, question, answer, q2, a2] });
    const withTwo = {
      ...after,
      exchanges: [
        { question: 's3', answers: ['s4'] },
        { question: 's5', answers: ['s6'] },
      ],
    };
    const change = diffRecords(before, withTwo)!;
    expect(change.exchanges).toEqual([{ op: 'added', before: null, after: q2.text }]);
    expect(change.text.map((p) => [p.op, p.after])).toEqual([
      ['added', 4],
      ['added', 5],
    ]);
    expect(change.significant).toBe(false);
  });

  it('reports a figure added where none was before, and metadata that changed', () => {
    const extra: Turn = {
      ...second,
      text: 'We will also open the call to 27 regions that want to take part.',
      figures: [{ phrase: '27', kind: 'count', value: 27, item: 'regions' }],
    };
    const after = record([opening, extra, question, answer]);
    const change = diffRecords(before, {
      ...after,
      meta: { ...after.meta, title: 'A new title', date: '2025-03-13' },
    })!;
    expect(change.figures).toEqual([
      { op: 'added', before: null, after: expect.objectContaining({ value: 27 }) },
    ]);
    expect(change.significant).toBe(true);
    expect(change.meta).toEqual([
      { field: 'title', before: 'Press remarks on the new investment facility', after: 'A new title' },
      { field: 'date', before: '2025-03-12', after: '2025-03-13' },
    ]);
    expect(change.warning).toMatch(/^the title and the date changed: check that this is a new version/);
  });

  it('warns of a possible id collision only when the title or the date changes', () => {
    const after = record([opening, second, question, { ...answer, text: `${answer.text} Thank you.` }]);
    expect(diffRecords(before, after)!.warning).toBeNull();
    const dated = diffRecords(before, { ...after, meta: { ...after.meta, date: '2024-01-01' } })!;
    expect(dated.warning).toMatch(/^the date changed/);
  });

  it('matches figures by position and item: removing one figure does not shift the others into changes', () => {
    const many: Turn = {
      kind: 'remarks',
      speaker: 'X',
      text: 'We give €10 million to ports, €20 million to railways and €30 million to roads.',
      figures: [
        { phrase: '€10 million', kind: 'money', value: 1e7, unit: 'EUR', item: 'ports' },
        { phrase: '€20 million', kind: 'money', value: 2e7, unit: 'EUR', item: 'railways' },
        { phrase: '€30 million', kind: 'money', value: 3e7, unit: 'EUR', item: 'roads' },
      ],
    };
    const fewer: Turn = {
      ...many,
      text: 'We give €10 million to ports and €35 million to roads.',
      figures: [
        many.figures![0]!,
        { phrase: '€35 million', kind: 'money', value: 3.5e7, unit: 'EUR', item: 'roads' },
      ],
    };
    const change = diffRecords(record([many]), record([fewer]))!;
    expect(change.figures.map((f) => [f.op, f.before?.item ?? null, f.after?.value ?? null])).toEqual([
      ['removed', 'railways', null],
      ['changed', 'roads', 3.5e7],
    ]);
  });
});

describe('diffText', () => {
  it('keeps an unrelated rewrite as one paragraph removed and one added', () => {
    expect(diffText('Alpha beta gamma.\n\nSame end.', 'Entirely different words here.\n\nSame end.')).toEqual(
      [
        {
          op: 'removed',
          before: 0,
          after: null,
          parts: [{ op: 'removed', text: 'Alpha beta gamma.' }],
          typographic: false,
        },
        {
          op: 'added',
          before: null,
          after: 0,
          parts: [{ op: 'added', text: 'Entirely different words here.' }],
          typographic: false,
        },
      ],
    );
  });

  it('folds curly quotes, dashes and odd spaces, and nothing else', () => {
    expect(foldTypography('\u201cIt\u2019s\u201d \u2013 a\u00a0test\u2026')).toBe('"It\'s" - a test...');
    expect(foldTypography('1.5')).not.toBe(foldTypography('1.2'));
  });
});
