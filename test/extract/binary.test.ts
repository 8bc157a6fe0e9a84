import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText } from '../../src/extract/bytes.js';
import { extract } from '../../src/extract/index.js';
import { pageParagraphs } from '../../src/extract/pdf.js';
import { sniffBytes } from '../../src/extract/sniff.js';
import { segmentTranscript } from '../../src/segment/index.js';
import { fetchDocument, type FetchDeps } from '../../src/stages/fetch.js';
import { MemoryFetchIndex } from '../../src/store/fetch-index.js';
import { FileRawStore } from '../../src/store/raw-store.js';
import type { HttpClient } from '../../src/fetch/http.js';
import { makePdf, paginate, wrap } from '../helpers/pdf.js';

const text = (s: string) => Buffer.from(s, 'utf8');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(200)]);
const ZIP = Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), randomBytes(300)]);
const TAR = Buffer.alloc(1024);
TAR.write('remarks.txt', 0);
TAR.write('ustar', 257);

/** A made-up press conference, as the ECB or the Council would publish it as a PDF. */
function pressConference(exchanges: number): string[] {
  const lines = ['Press conference on the spring package', 'Luxembourg, 14 April 2026', ''];
  for (let i = 0; i < exchanges; i++) {
    lines.push(
      ...wrap(
        `Question: Commissioner, the package mentions ${i + 3} new corridors for hydrogen transport. Which member states asked for them, and when will the first one open for industry in the north-east?`,
      ),
      '',
      ...wrap(
        `Commissioner Varga: Thank you. ${i + 3} corridors were requested by nine member states together, and the first tender opens in September. We expect the first molecules to flow before the end of 2028, with a budget of €${i + 2}.5 billion from the facility.`,
      ),
      '',
    );
  }
  return lines;
}

describe('binary content is refused, naming what it is', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['random bytes', randomBytes(200_000), /binary data \(\d+(\.\d)?% control bytes\)/],
    ['NUL bytes', Buffer.alloc(5000), /NUL bytes/],
    ['zlib-compressed text', deflateSync(text('Good morning. '.repeat(5000))), /zlib-compressed data/],
    ['gzip-compressed text', gzipSync(text('Good morning. '.repeat(100))), /gzip-compressed data/],
    ['a PNG image', PNG, /a PNG image/],
    ['a ZIP archive', ZIP, /a ZIP archive/],
    ['a tar archive', TAR, /a tar archive/],
  ];
  for (const [what, bytes, named] of cases) {
    it(`${what}: ERR_NOT_A_TRANSCRIPT, permanent, before anything is decoded`, async () => {
      const err = await bodyText(bytes, 'text/html', 'https://example.eu/x').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_NOT_A_TRANSCRIPT', retryable: false });
      expect((err as Error).message).toMatch(named);
      expect((err as Error).message).toContain('https://example.eu/x');
    });
  }

  it('the same bytes passed to extract() as a decoded string are refused too', () => {
    const body = randomBytes(50_000).toString('latin1');
    expect(() => extract({ body, contentType: 'text/plain', url: null })).toThrow(
      expect.objectContaining({ code: 'ERR_NOT_A_TRANSCRIPT' }),
    );
  });

  it('text that starts like a weak signature ("BMW", "MZ") is still text', () => {
    expect(sniffBytes(text('BMW and the Commission signed the battery pact today.'))).toEqual({
      kind: 'text',
    });
    expect(sniffBytes(text('MZ: Thank you, President.'))).toEqual({ kind: 'text' });
    expect(sniffBytes(Buffer.from('\ufeffRemarks', 'utf16le'))).toEqual({ kind: 'text' });
  });

  it('the fetch stage refuses binary before the raw store keeps anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pressline-binary-'));
    try {
      const deps: FetchDeps = {
        client: { opts: { maxBytes: 10 * 1024 * 1024 } } as unknown as HttpClient,
        raw: new FileRawStore(dir),
        index: new MemoryFetchIndex(),
        now: () => new Date('2026-04-14T10:00:00Z'),
      };
      const job = {
        docId: 'generic:upload',
        traceId: randomUUID(),
        stages: {},
        target: {
          kind: 'inline' as const,
          path: '/tmp/remarks.html',
          url: null,
          contentType: 'text/html',
          bodyBase64: PNG.toString('base64'),
        },
      };
      await expect(fetchDocument(job, deps)).rejects.toMatchObject({ code: 'ERR_NOT_A_TRANSCRIPT' });
      expect(await readdir(dir, { recursive: true })).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a wrong encoding declaration falls back to detection, not garbage', () => {
  it.each([
    ['UTF-16 declared over UTF-8 bytes', 'text/html; charset=utf-16', Buffer.from('<p>Zürich – 5 €</p>')],
    [
      'UTF-16LE declared over ASCII bytes',
      'text/plain; charset=utf-16le',
      Buffer.from('<p>Zurich - 5 EUR</p>'),
    ],
    [
      'Shift_JIS declared over windows-1252 bytes',
      'text/html; charset=shift_jis',
      Buffer.from('<p>Z\xfcrich \x96 5 \x80</p>', 'latin1'),
    ],
  ])('%s', async (_what, contentType, bytes) => {
    const { body } = await bodyText(bytes, contentType, null);
    expect(body).toMatch(/^<p>Z(ü|u)rich . 5 (€|EUR)<\/p>$/);
    expect(body).not.toContain('\ufffd');
  });
});

describe('PDF transcripts', () => {
  let pdf: Buffer;
  beforeAll(() => {
    pdf = makePdf(paginate(pressConference(12)));
  });
  afterAll(() => undefined);

  it('reads the text layer into paragraphs and cleans and segments it like any transcript', async () => {
    const read = await bodyText(pdf, 'application/pdf', 'https://www.consilium.europa.eu/x.pdf');
    expect(read.contentType).toBe('application/pdf');
    expect(read.body).toContain(
      'Question: Commissioner, the package mentions 3 new corridors for hydrogen transport. Which member states asked for them, and when will the first one open for industry in the north-east?',
    );
    const r = extract({ body: read.body, contentType: read.contentType, url: null });
    expect(r.extractor).toBe('plain-text');
    expect(r.meta.title).toBe('Press conference on the spring package');
    expect(r.meta.date).toBe('2026-04-14');
    const seg = segmentTranscript(r.text, r.meta);
    expect(seg.exchanges.length).toBeGreaterThanOrEqual(10);
  });

  it('a PDF served as text/html or octet-stream is still read as a PDF (sniffed by its header)', async () => {
    expect((await bodyText(pdf, 'application/octet-stream', null)).contentType).toBe('application/pdf');
  });

  it('refuses a PDF without a text layer (a scan), saying so', async () => {
    const scan = makePdf([[''], ['']], { textLayer: false });
    await expect(bodyText(scan, 'application/pdf', 'scan.pdf')).rejects.toMatchObject({
      code: 'ERR_NOT_A_TRANSCRIPT',
      message: expect.stringMatching(/PDF of 2 page\(s\) without a text layer/),
    });
  });

  it('refuses a corrupt PDF with ERR_BAD_PDF', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('garbage '.repeat(50))]);
    await expect(bodyText(broken, 'application/pdf', null)).rejects.toMatchObject({
      code: 'ERR_BAD_PDF',
      retryable: false,
    });
  });

  it('joins the lines of a paragraph and a word hyphenated at a line end', () => {
    const item = (str: string, y: number) => ({
      str,
      transform: [1, 0, 0, 1, 56, y],
      height: 11,
      hasEOL: true,
    });
    expect(
      pageParagraphs([
        item('We will act on compe-', 700),
        item('tition and on energy.', 686),
        item('Next.', 650),
      ]),
    ).toEqual(['We will act on competition and on energy.', 'Next.']);
  });
});
