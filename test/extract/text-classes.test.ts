import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../src/extract/plain-text.js';

const lines = (...l: string[]) => extractPlainText(l.join('\n'));

describe('capture junk around the text', () => {
  it('drops a capture tool’s "date YYYY-MM" stamp glued before the first paragraph', () => {
    const r = lines(
      'date 2023-05 Der Minister sprach lange über die Reform, die im Herbst kommen soll, und ihre Kosten.',
    );
    expect(r.text).toBe(
      'Der Minister sprach lange über die Reform, die im Herbst kommen soll, und ihre Kosten.',
    );
  });
});

describe('who speaks, from the lead', () => {
  it('does not list the interviewer the lead names after "conducted by" or "interviewed by"', () => {
    const r = lines(
      'Interview with Radio Nord',
      '',
      'Interview with Oskar Lindqvist, Minister of Fisheries, conducted by Lena Holm on 3 May 2024.',
      '',
      'Minister, will the quotas be cut? I ask because the fleet is worried about it.',
    );
    expect(r.meta.speakers.map((s) => s.name)).toEqual(['Oskar Lindqvist']);
  });
});
