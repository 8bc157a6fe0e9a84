import { describe, expect, it } from 'vitest';
import { CONVENTIONS } from './conventions.js';
import { KNOWN } from './fixtures.js';
import { checkShape, formatRates, rates } from './score.js';

describe('the shape generator', () => {
  it('renders every convention with the known questions and answers in it', () => {
    for (const c of CONVENTIONS) {
      const capture = c.render(KNOWN[0]!);
      expect(capture).toContain('What about wages?');
      expect(capture).toContain('Wages are rising already');
    }
  });

  it('notices a rendering that loses a question', () => {
    const lost = { name: 'drops the questions', render: CONVENTIONS[0]!.render };
    const t = { ...KNOWN[0]!, exchanges: KNOWN[0]!.exchanges.map((e) => ({ ...e })) };
    const broken = { ...lost, render: () => lost.render(t).replace('Q. What about wages?', '') };
    expect(checkShape(t, broken).ok).toBe(false);
  });
});

describe('segmentation recovers the same turns from every convention', () => {
  const table = rates(KNOWN, CONVENTIONS);
  console.log(`shape generator on the test fixtures\n${formatRates(table)}`);

  it.each(table.map((r) => [r.convention, r] as const))('%s', (_name, r) => {
    expect(r.failures).toEqual([]);
  });
});
