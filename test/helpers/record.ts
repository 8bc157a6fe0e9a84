import { createHash, randomUUID } from 'node:crypto';
import { PressRecord, type Figure, type Segment } from '../../src/schemas/record.js';

/** One turn of a made-up transcript. */
export interface Turn {
  kind: Segment['kind'];
  speaker: string | null;
  text: string;
  /** Figures in this turn: the phrase as written, and its values. */
  figures?: {
    phrase: string;
    kind: Figure['kind'];
    value: number;
    valueMax?: number;
    unit?: string | null;
    item?: string | null;
  }[];
}

const DEFAULT_TURNS: Turn[] = [
  {
    kind: 'remarks',
    speaker: 'Ursula von der Leyen',
    text: 'Good afternoon. Today we put forward €2.5 billion for the new facility, and 40% of it goes to clean energy.',
    figures: [
      { phrase: '€2.5 billion', kind: 'money', value: 2_500_000_000, unit: 'EUR', item: 'new facility' },
      { phrase: '40%', kind: 'percent', value: 40, unit: '%' },
    ],
  },
  { kind: 'question', speaker: 'Agence Europe', text: 'How much of this is new money?' },
  {
    kind: 'answer',
    speaker: 'Valdis Dombrovskis',
    text: 'Around €800 million is fresh funding; the rest comes from 3 existing programmes.',
    figures: [
      { phrase: '€800 million', kind: 'money', value: 800_000_000, unit: 'EUR', item: 'fresh funding' },
      { phrase: '3', kind: 'count', value: 3, item: 'existing programmes' },
    ],
  },
];

/**
 * A valid record made up for these tests, with segments and figures whose spans match
 * `text`; `version` is the sha256 of `text`, as in the pipeline.
 */
export function recordFixture(
  opts: { id?: string; turns?: Turn[]; date?: string | null; fetchedAt?: string; suffix?: string } = {},
): PressRecord {
  const turns = (opts.turns ?? DEFAULT_TURNS).map((t, i) =>
    i === 0 && opts.suffix ? { ...t, text: `${t.text} ${opts.suffix}` } : t,
  );
  let text = '';
  const segments: Segment[] = [];
  const figures: Figure[] = [];
  turns.forEach((t, i) => {
    if (i) text += '\n\n';
    const start = text.length;
    text += t.text;
    const sid = `s${i + 1}`;
    segments.push({ id: sid, kind: t.kind, speaker: t.speaker, start, end: text.length, text: t.text });
    for (const f of t.figures ?? []) {
      const at = start + t.text.indexOf(f.phrase);
      figures.push({
        id: `f${figures.length + 1}`,
        kind: f.kind,
        value: f.value,
        valueMax: f.valueMax ?? null,
        unit: f.unit ?? null,
        approx: null,
        item: f.item ?? null,
        text: f.phrase,
        start: at,
        end: at + f.phrase.length,
        segment: sid,
      });
    }
  });
  const speakers = [
    ...new Set(turns.filter((t) => t.kind !== 'question' && t.speaker).map((t) => t.speaker!)),
  ];
  const fetchedAt = opts.fetchedAt ?? '2025-03-12T14:00:00.000Z';
  return PressRecord.parse({
    schemaVersion: 1,
    id: opts.id ?? 'ec-presscorner:statement_25_700',
    version: createHash('sha256').update(text).digest('hex'),
    source: {
      url: 'https://ec.europa.eu/commission/presscorner/detail/en/statement_25_700',
      path: null,
      site: 'ec-presscorner',
      fetchedAt,
      contentType: 'text/html; charset=utf-8',
      rawSha256: createHash('sha256').update(`raw ${text}`).digest('hex'),
    },
    meta: {
      title: 'Press remarks on the new investment facility',
      date: opts.date === undefined ? '2025-03-12' : opts.date,
      place: 'Brussels',
      speakers: speakers.map((name) => ({ name, role: null })),
      event: null,
      language: 'en',
      videoUrl: null,
      checkAgainstDelivery: false,
    },
    text,
    segments,
    exchanges: [{ question: 's2', answers: ['s3'] }],
    figures,
    pipeline: { version: '0.1.0', traceId: randomUUID(), stages: { fetch: fetchedAt, figures: fetchedAt } },
  });
}
