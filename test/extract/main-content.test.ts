import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { loadHtml } from '../../src/extract/html/load.js';
import { elements } from '../../src/extract/html/dom.js';
import { measure } from '../../src/extract/html/main-content.js';

describe('measuring text for the main-content score', () => {
  it('counts a text its length with whitespace folded, and its commas, on either path of the tally', () => {
    const texts = [
      'Good morning, everyone.',
      ' a ',
      ' ',
      '  ',
      'a',
      ' a',
      'a ',
      ',',
      ' , ',
      'one  two',
      '\n  Indented,\n  text, \t here \n',
      'no\u00a0break\u2009thin\u3000wide',
      'tail\ufeff',
    ];
    for (const s of texts) {
      const div = elements(loadHtml(`<div>${s}</div>`)).find((e): e is Element => e.name === 'div')!;
      const st = measure(div.parent as Element).get(div)!;
      expect([s, st.text, st.commas]).toEqual([
        s,
        s.replace(/\s+/g, ' ').trim().length,
        s.split(',').length - 1,
      ]);
    }
  });
});
