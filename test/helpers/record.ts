import { createHash } from 'node:crypto';
import { PressRecord } from '../../src/schemas/record.js';

/** A valid record for tests, with `text` and the fields derived from it. */
export function makeRecord(opts: { id?: string; text?: string; title?: string } = {}): PressRecord {
  const text = opts.text ?? 'Good morning. We agreed on €400 million.';
  return PressRecord.parse({
    schemaVersion: 1,
    id: opts.id ?? 'eeas:test-remarks_en',
    version: createHash('sha256').update(text).digest('hex'),
    source: {
      url: 'https://www.eeas.europa.eu/eeas/test-remarks_en',
      path: null,
      site: 'eeas',
      fetchedAt: '2026-03-01T10:00:00.000Z',
      contentType: 'text/html; charset=utf-8',
      rawSha256: createHash('sha256').update(`raw ${text}`).digest('hex'),
    },
    meta: {
      title: opts.title ?? 'Remarks by the High Representative',
      date: '2026-03-01',
      place: 'Brussels',
      speakers: [{ name: 'Kaja Kallas', role: 'High Representative' }],
      event: null,
      language: 'en',
      videoUrl: null,
      checkAgainstDelivery: true,
    },
    text,
    segments: [{ id: 's1', kind: 'remarks', speaker: 'Kaja Kallas', start: 0, end: text.length, text }],
    exchanges: [],
    figures: [],
    pipeline: { version: '0.1.0', traceId: 'trace-1', stages: { fetch: '2026-03-01T10:00:00.000Z' } },
  });
}
