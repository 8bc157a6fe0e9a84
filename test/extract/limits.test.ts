import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError, PresslineError } from '../../src/errors.js';
import { extract } from '../../src/extract/index.js';
import { limitsOf } from '../../src/extract/limits.js';

const speech =
  'Good morning. The Council agreed today on a budget of EUR 2 billion for the new programme, and the ministers will meet again in March.';
const failure = (f: () => unknown): PresslineError => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(PresslineError);
    return err as PresslineError;
  }
  throw new Error('expected a refusal');
};

describe('the clean stage caps are settings', () => {
  it('reads HTML_MAX_CHARS, TEXT_MAX_CHARS, HTML_MAX_DEPTH and PDF_MAX_PAGES from the environment', () => {
    const config = loadConfig(
      {},
      { HTML_MAX_CHARS: '2000', TEXT_MAX_CHARS: '100', HTML_MAX_DEPTH: '50', PDF_MAX_PAGES: '3' },
    );
    expect(limitsOf(config)).toEqual({
      htmlMaxChars: 2000,
      textMaxChars: 100,
      htmlMaxDepth: 50,
      pdfMaxPages: 3,
    });
    expect(limitsOf(loadConfig({}, {}))).toEqual({
      htmlMaxChars: 5_000_000,
      textMaxChars: 300_000,
      htmlMaxDepth: 1000,
      pdfMaxPages: 300,
    });
  });

  it('refuses a bad cap with an error that names the variable and why', () => {
    const err = (() => {
      try {
        loadConfig({}, { HTML_MAX_DEPTH: '100000', TEXT_MAX_CHARS: 'lots' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(
      /HTML_MAX_DEPTH="100000": at most 5000: the selector engine walks the tree recursively/,
    );
    expect(err.message).toMatch(/TEXT_MAX_CHARS="lots"/);
  });

  it('a lower cap refuses what the default accepts, naming the setting', () => {
    const limits = limitsOf(
      loadConfig({}, { TEXT_MAX_CHARS: '100', HTML_MAX_DEPTH: '20', HTML_MAX_CHARS: '200' }),
    );
    const text = { body: speech, contentType: 'text/plain', url: null };
    expect(extract(text).text).toContain('EUR 2 billion');
    const long = failure(() => extract({ ...text, limits }));
    expect(long.code).toBe('ERR_DOCUMENT_TOO_LARGE');
    expect(long.message).toContain('TEXT_MAX_CHARS');

    const deep = {
      body: `<html><body>${'<div>'.repeat(30)}<p>${speech}</p></body></html>`,
      contentType: 'text/html',
      url: null,
    };
    expect(extract(deep).text).toContain('EUR 2 billion');
    const tooDeep = failure(() => extract({ ...deep, limits: { htmlMaxDepth: 20 } }));
    expect(tooDeep.code).toBe('ERR_HTML_TOO_DEEP');
    expect(tooDeep.message).toContain('HTML_MAX_DEPTH');
    expect(failure(() => extract({ ...deep, limits })).code).toBe('ERR_DOCUMENT_TOO_LARGE');
  });
});
