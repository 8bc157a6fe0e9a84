import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/extract/text/boilerplate.js';

describe('boilerplate: the keyword patterns behind their hints', () => {
  it('still drops a breadcrumb longer than the word patterns can match (only its mark is looked for there)', () => {
    const crumbs = Array.from({ length: 12 }, (_, i) => `Section number ${i} of the site`).join(' > ');
    expect(crumbs.length).toBeGreaterThan(220);
    expect(isBoilerplate(crumbs)).toBe(true);
    expect(isBoilerplate('Home > Press > Statements')).toBe(true);
  });

  it('keeps a long paragraph with a keyword word, and drops a short donation pitch', () => {
    const long = `We discussed how to donate vaccines to partners in need, ${'and the work goes on '.repeat(10)}`;
    expect(long.length).toBeGreaterThan(220);
    expect(isBoilerplate(long)).toBe(false);
    expect(isBoilerplate('Please donate to support our journalism')).toBe(true);
  });
});
