import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CleanJob, FiguresJob, SegmentJob } from '../../src/schemas/jobs.js';
import { clean } from '../../src/stages/clean.js';
import { segment } from '../../src/stages/segment.js';

const page = readFileSync(join(import.meta.dirname, '../fixtures/sites/eeas-changed.html'), 'utf8');
const job = (body: string, url: string | null, contentType = 'text/html; charset=utf-8'): CleanJob =>
  CleanJob.parse({
    docId: 'eeas:test',
    traceId: 't1',
    stages: {},
    source: {
      url,
      path: null,
      site: 'generic',
      fetchedAt: '2026-03-01T10:00:00.000Z',
      contentType,
      rawSha256: 'a'.repeat(64),
    },
    body,
  });

describe('the clean and segment stages', () => {
  it('record which extractor ran and hand its warnings to the registry', () => {
    const { output, warnings } = clean(job(page, 'https://www.eeas.europa.eu/eeas/gymnich-remarks_en'));
    expect(SegmentJob.parse(output)).toBeTruthy();
    expect(output.source.site).toBe('eeas');
    expect(output.extractor).toBe('generic-html');
    expect(warnings[0]).toMatch(/eeas adapter found no transcript.*generic extractor/);
  });

  it('segment adds the officials that the turns name to the metadata', () => {
    const text =
      'Moderator: Welcome.\n\nPresident Costa: Thank you, it is good to be here.\n\nQ. Will you meet again?\n\nPresident Costa: In June.';
    const { output } = clean(job(text, null, 'text/plain; charset=utf-8'));
    const out = FiguresJob.parse(segment(output));
    expect(out.meta.speakers.map((s) => s.name)).toContain('Costa');
    expect(out.exchanges).toHaveLength(1);
  });
});
