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
    expect(a).toBe('eeas:eeas/remarks-after-meeting_en');
    expect(b).toBe(a);
  });

  it('gives two pages of one site with the same last path segment two ids', () => {
    const china = docIdFor({ url: 'https://www.eeas.europa.eu/delegations/china/statement_en', path: null });
    const india = docIdFor({ url: 'https://www.eeas.europa.eu/delegations/india/statement_en', path: null });
    expect(china).toBe('eeas:delegations/china/statement_en');
    expect(india).not.toBe(china);
    expect(docIdFor({ url: 'https://www.consilium.europa.eu/en/press/a/x/', path: null })).toBe(
      'consilium:en/press/a/x',
    );
  });

  it('never throws on malformed percent-encoding, and decodes the well-formed part', () => {
    const url = 'https://www.eeas.europa.eu/eeas/caf%C3%A9-%E0%A4%A_en';
    expect(() => docIdFor({ url, path: null })).not.toThrow();
    expect(docIdFor({ url, path: null })).toBe('eeas:eeas/café-%E0%A4%A_en');
    expect(docIdFor({ url: 'not a url', path: null })).toMatch(/^generic:/);
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
        (base, tail) => {
          expect(() => docIdFor({ url: `${base}/${tail}`, path: null, site: 'eeas' })).not.toThrow();
        },
      ),
    );
  });

  it('gives files of the same name in two folders two ids, and one file the same id each time', () => {
    const a = docIdFor({ url: null, path: '/a/report.txt' });
    const b = docIdFor({ url: null, path: '/srv/inbox/report.html' });
    expect(a).toMatch(/^file:report-[0-9a-f]{8}$/);
    expect(b).toMatch(/^file:report-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(docIdFor({ url: null, path: '/a/report.txt' })).toBe(a);
    expect(docIdFor({ url: null, path: '/a/report.html' })).not.toBe(a);
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
