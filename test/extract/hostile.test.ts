import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isRetryable, PresslineError } from '../../src/errors.js';
import { bodyText } from '../../src/extract/bytes.js';
import { chooseExtractor } from '../../src/extract/choose.js';
import { PublishJob } from '../../src/schemas/jobs.js';
import { clean } from '../../src/stages/clean.js';
import { figures } from '../../src/stages/figures.js';
import { segment } from '../../src/stages/segment.js';
import { makePdf } from '../helpers/pdf.js';

/** A string of `n` characters made of `unit` repeated. */
const fill = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const KB = 1024;
const MB = KB * KB;

/** A made-up remark to hide inside hostile markup: the text must survive where a page is readable. */
const REMARK =
  'Good afternoon. The Council agreed today on the new rules for batteries, with 12 member states asking for more time.';

/** The hostile inputs: the table and more. Each is bytes with a content type. */
const INPUTS: [string, () => { bytes: Buffer; contentType: string }][] = [
  ['8 KB of `<a<a<a…` with no `>`', () => html(fill(8 * KB, '<a'))],
  ['16 KB of `<a<a<a…`', () => html(fill(16 * KB, '<a'))],
  ['256 KB of text with bare `<` (`a<b a<b …`)', () => html(`<p>${fill(256 * KB, 'a<b ')}</p>`)],
  ['1 MB of text with bare `<`', () => html(fill(MB, 'a<b '))],
  ['256 KB with an unbalanced quote', () => html(`<div class="x><p>${REMARK}</p>${fill(256 * KB, 'text ')}`)],
  [
    '256 KB with an unclosed skipped element',
    () => html(`<p>${REMARK}</p><aside>${fill(256 * KB, '<p>side ')}`),
  ],
  [
    '256 KB with an unclosed <script>',
    () => html(`<p>${REMARK}</p><script>${fill(256 * KB, 'var a = 1; ')}`),
  ],
  ['5,000 nested <div>s', () => html(`${'<div>'.repeat(5000)}<p>${REMARK}</p>`)],
  ['100,000 nested <div>s', () => html(`${'<div>'.repeat(100_000)}<p>${REMARK}</p>`)],
  ['20,000 unclosed <td>s', () => html(`<table><tr>${fill(20_000 * 6, '<td>x y')}</table><p>${REMARK}</p>`)],
  ['3,000 nested tables', () => html(`${'<table><tr><td>'.repeat(3000)}${REMARK}`)],
  [
    '100,000 attributes on one element',
    () => html(`<p ${Array.from({ length: 100_000 }, (_, i) => `data-a${i}="v"`).join(' ')}>${REMARK}</p>`),
  ],
  ['a 1 MB attribute value', () => html(`<p title="${fill(MB, 'x')}">${REMARK}</p>`)],
  ['200 KB of random bytes', () => ({ bytes: randomBytes(200 * KB), contentType: 'text/html' })],
  ['5 KB of NUL bytes', () => ({ bytes: Buffer.alloc(5 * KB), contentType: 'text/plain' })],
  [
    'zlib-compressed text',
    () => ({ bytes: deflateSync(Buffer.from(fill(100 * KB, `${REMARK} `))), contentType: 'text/plain' }),
  ],
  [
    'a PDF with a text layer',
    () => ({ bytes: makePdf([['Remarks by the President', '', REMARK]]), contentType: 'application/pdf' }),
  ],
  [
    'a scanned PDF (no text layer)',
    () => ({ bytes: makePdf([['']], { textLayer: false }), contentType: 'application/pdf' }),
  ],
  ['1 MB of CRLF lines', () => text(fill(MB - 200, `${REMARK}\r\n`))],
  ['bare CR line ends', () => text(fill(100 * KB, `${REMARK}\r`))],
  ['a 5 MB line of text', () => text(fill(5 * MB, 'word '))],
  ['a 5 MB paragraph in HTML', () => html(`<p>${fill(5 * MB, 'word ')}</p>`)],
  ['a 280 KB line of words', () => text(fill(280 * KB, 'the Council agreed ') + '.')],
  ['280 KB of one space-like character (U+3000)', () => text(`Brussels${fill(280 * KB, '\u3000')}x)`)],
  [
    '280 KB of form feeds and a byline',
    () => text(`Question (Reuters)${fill(280 * KB, '\f')} - (Journalist (AFP))`),
  ],
  ['lone surrogates', () => text(fill(100 * KB, 'a\ud800b\udfff '))],
  ['280 KB of digits', () => text(fill(280 * KB, '1234567890'))],
  ['100 KB of numbers with separators', () => text(fill(100 * KB, '1,000.5 € '))],
  ['280 KB of `Q:` labels', () => text(fill(280 * KB, 'Q: '))],
  ['280 KB of dots', () => text(fill(280 * KB, '.'))],
  ['280 KB of capitalised words', () => text(fill(280 * KB, 'Mr President Von Der '))],
  ['a label over 280 KB of one capital letter', () => text(`Q: ${fill(280 * KB, 'A')} (AB): yes`)],
  ['a label over 280 KB of spaces before a bracket', () => text(`Speaker${fill(280 * KB, ' ')}x (EU:`)],
  ['280 KB of opening brackets', () => text(`Minister ${fill(280 * KB, '(')}: fine`)],
  ['280 KB of hyphens and colons', () => text(`A${fill(280 * KB, '-:')}`)],
  ['280 KB of entities', () => html(`<p>${fill(280 * KB, '&amp;&#x20AC;&nosuch;')}</p>`)],
  ['an empty body', () => text('')],
  [
    'HTML with nothing to read',
    () => html('<html><head><title></title></head><body><nav>Menu</nav></body></html>'),
  ],
  [
    'a UTF-16 page with a byte-order mark',
    () => ({
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<p>${REMARK}</p>`, 'utf16le')]),
      contentType: 'text/html',
    }),
  ],
  [
    'a UTF-16 charset declared over UTF-8 bytes',
    () => ({ bytes: Buffer.from(`<p>${REMARK}</p>`), contentType: 'text/html; charset=utf-16' }),
  ],
  [
    'Press Corner JSON nested 100,000 deep',
    () => ({
      bytes: Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      contentType: 'application/json',
    }),
  ],
];

function html(s: string) {
  return { bytes: Buffer.from(s), contentType: 'text/html; charset=utf-8' };
}
function text(s: string) {
  return { bytes: Buffer.from(s), contentType: 'text/plain; charset=utf-8' };
}

/** Bytes → record, the pure path every worker runs: read (sniff, decode, PDF), clean, segment, figures. */
async function toRecord(bytes: Buffer, contentType: string) {
  const read = await bodyText(bytes, contentType, null);
  const source = {
    url: null,
    path: '/inbox/hostile',
    site: 'generic' as const,
    fetchedAt: '2026-04-14T10:00:00.000Z',
    contentType: read.contentType,
    rawSha256: 'f'.repeat(64),
  };
  const cleaned = clean({ docId: 'generic:hostile', traceId: 't', stages: {}, source, body: read.body });
  return PublishJob.parse(figures(segment(cleaned.output))).record;
}

const BOUND_MS = 2000;
const table: string[] = [];

describe('hostile inputs: each is a valid record or one named, permanent refusal, in under 2 s', () => {
  for (const [what, make] of INPUTS) {
    it(
      what,
      async () => {
        const { bytes, contentType } = make();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        let outcome: string;
        try {
          const r = await toRecord(bytes, contentType);
          outcome = `record: ${r.text.length} chars, ${r.segments.length} segments, ${r.figures.length} figures`;
        } catch (err) {
          expect(err).toBeInstanceOf(PresslineError);
          expect(isRetryable(err)).toBe(false);
          outcome = `refused: ${(err as PresslineError).code}: ${(err as Error).message.slice(0, 110)}`;
        }
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        // CPU time of this test process (vitest runs each file in its own fork): the time the
        // input holds the event loop, which a busy machine does not inflate as it does wall time
        const cpuMs = (cpu.user + cpu.system) / 1000;
        table.push(`| ${what} | ${cpuMs.toFixed(0)} | ${ms.toFixed(0)} | ${outcome.replace(/\|/g, '\\|')} |`);
        expect(cpuMs).toBeLessThan(BOUND_MS);
      },
      30_000,
    );
  }

  afterAll(() => {
    console.log(['| input | CPU ms | wall ms | outcome |', '|---|---:|---:|---|', ...table].join('\n'));
  });
});

describe('a stack overflow or other RangeError is never retried', () => {
  it('isRetryable is false for a RangeError, true for an unknown error', () => {
    expect(isRetryable(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
  });
});

describe('random HTML', () => {
  const tag = fc.constantFrom(
    'div',
    'p',
    'nav',
    'aside',
    'footer',
    'script',
    'style',
    'table',
    'tr',
    'td',
    'li',
    'ul',
    'h1',
    'a',
    'br',
    'section',
    'article',
    'main',
    'header',
    'form',
    'textarea',
    'title',
    'svg',
    'iframe',
  );
  const piece = fc.oneof(
    tag.map((t) => `<${t}>`),
    tag.map((t) => `</${t}>`),
    tag.map((t) => `<${t} class="comment-list related share">`),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '&amp;',
      '"',
      "'",
      '<!--',
      '-->',
      '<!DOCTYPE html>',
      '<![CDATA[',
      ']]>',
      '\u0000',
      '\r\n',
      '\ud800',
    ),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      REMARK,
      'Question: when?',
      'President: Thank you.',
      '12 Comments',
      'Leave a Reply',
      '€5 billion',
    ),
  );
  const page = fc.array(piece, { maxLength: 300 }).map((ps) => ps.join(''));

  it('the cleaner never throws anything but a PresslineError (fast-check, 300 pages)', () => {
    fc.assert(
      fc.property(
        page,
        fc.constantFrom('text/html', 'text/plain', 'application/json'),
        (body, contentType) => {
          try {
            chooseExtractor({ body, contentType, url: null });
          } catch (err) {
            if (!(err instanceof PresslineError)) throw err;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
