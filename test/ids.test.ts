import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docIdFor, jobIdFor, siteOf } from '../src/ids.js';

describe('ids', () => {
  it('gives a Press Corner document the id of its reference', () => {
    const url =
      'https://ec.europa.eu/commission/presscorner/api/documents?reference=SPEECH/26/1765&language=en';
    expect(docIdFor({ url, path: null })).toBe('ec-presscorner:speech_26_1765');
  });

  it('keeps an EEAS page id stable across query strings', () => {
    const a = docIdFor({ url: 'https://www.eeas.europa.eu/eeas/remarks-after-meeting_en', path: null });
    const b = docIdFor({ url: 'https://www.eeas.europa.eu/eeas/remarks-after-meeting_en?s=232', path: null });
    expect(a).toBe('eeas:remarks-after-meeting_en');
    expect(b).toBe(a);
  });

  it('names a local file by its base name', () => {
    expect(docIdFor({ url: null, path: '/tmp/x/remarks.html' })).toBe('file:remarks');
  });

  it('chooses the site adapter by host', () => {
    expect(siteOf('https://www.consilium.europa.eu/en/press/x/')).toBe('consilium');
    expect(siteOf('https://www.ecb.europa.eu/press/x.en.html')).toBe('ecb');
    expect(siteOf('https://example.org/x')).toBe('generic');
    expect(siteOf(null)).toBe('generic');
  });

  it('takes ec.europa.eu for Press Corner only where a path segment is presscorner', () => {
    expect(siteOf('https://ec.europa.eu/commission/presscorner')).toBe('ec-presscorner');
    expect(siteOf('https://ec.europa.eu/commission/presscorner/detail/en/speech_26_1765')).toBe(
      'ec-presscorner',
    );
    expect(siteOf('https://ec.europa.eu/commission/presscorner-archive/x')).toBe('generic');
    expect(siteOf('https://ec.europa.eu/info/search?from=/presscorner/')).toBe('generic');
    expect(siteOf('https://www.ec.europa.eu/commission/presscorner/detail')).toBe('generic');
  });

  it('makes job ids BullMQ accepts: no colon, never all digits, deterministic', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (docId, variant) => {
        const id = jobIdFor('fetch', docId, variant);
        expect(id).not.toContain(':');
        expect(id).not.toMatch(/^\d+$/);
        expect(jobIdFor('fetch', docId, variant)).toBe(id);
      }),
    );
    expect(jobIdFor('fetch', 'a', '1')).not.toBe(jobIdFor('fetch', 'a', '2'));
  });
});
