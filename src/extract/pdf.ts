import { getDocumentProxy } from 'unpdf';
import { PermanentError } from '../errors.js';
import { DEFAULT_LIMITS } from './limits.js';
import { notATranscript } from './sniff.js';

/** One run of text on a page, as pdf.js reports it (only the fields read here). */
interface TextItem {
  str: string;
  transform: number[];
  height: number;
  width?: number;
  hasEOL: boolean;
}

/** A paragraph with one more line: a word split by a hyphen at the line end is joined whole. */
function joinLine(para: string, line: string): string {
  if (!para) return line;
  const hyphen = para.endsWith('-') && /\p{L}/u.test(para.charAt(para.length - 2)) && /^\p{Ll}/u.test(line);
  return hyphen ? para.slice(0, -1) + line : `${para} ${line}`;
}

/**
 * A page's text as paragraphs: runs on one baseline make a line; a line joins the one before
 * when that one was full (it reaches near the right margin: the text wrapped) and no wider gap
 * than 1.5 line heights lies between them. A title, a dateline or a speaker's short last line
 * ends its paragraph.
 */
export function pageParagraphs(items: readonly TextItem[]): string[] {
  type Line = { y: number; h: number; right: number; text: string };
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    const y = it.transform[5] ?? 0;
    if (!cur || Math.abs(y - cur.y) > Math.max(it.height, 1) / 2) {
      if (cur) lines.push(cur);
      cur = { y, h: it.height, right: 0, text: '' };
    }
    cur.text += it.str;
    cur.h = Math.max(cur.h, it.height);
    if (it.str.trim()) cur.right = Math.max(cur.right, (it.transform[4] ?? 0) + (it.width ?? 0));
    if (it.hasEOL) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);
  const margin = Math.max(0, ...lines.map((l) => l.right));
  const paras: string[] = [];
  let para = '';
  let prev: Line | null = null;
  for (const l of lines) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const gap = prev ? prev.y - l.y : 0;
    const wrapped = prev && prev.right >= 0.8 * margin && gap > 0 && gap <= 1.5 * Math.max(prev.h, l.h, 1);
    if (!wrapped && para) {
      paras.push(para);
      para = '';
    }
    para = joinLine(para, text);
    prev = l;
  }
  if (para) paras.push(para);
  return paras;
}

/**
 * Reads the text layer of a PDF (with unpdf, pdf.js built for servers): paragraphs of every
 * page, a blank line between paragraphs.
 * @throws PermanentError `ERR_BAD_PDF` (corrupt, encrypted), `ERR_PDF_TOO_LONG` (over
 * `maxPages`, PDF_MAX_PAGES) or `ERR_NOT_A_TRANSCRIPT` (no text layer: a scan).
 */
export async function readPdf(
  bytes: Uint8Array,
  where: string | null = null,
  maxPages = DEFAULT_LIMITS.pdfMaxPages,
): Promise<string> {
  const at = where ? `${where}: ` : '';
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of the buffer it is given: hand it a copy
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (cause) {
    throw new PermanentError('ERR_BAD_PDF', `${at}the PDF cannot be read: ${(cause as Error).message}`, {
      cause,
    });
  }
  try {
    if (pdf.numPages > maxPages)
      throw new PermanentError(
        'ERR_PDF_TOO_LONG',
        `${at}the PDF has ${pdf.numPages} pages, more than the ${maxPages} of any transcript (PDF_MAX_PAGES): not read`,
        { details: { pages: pdf.numPages, maxPages } },
      );
    const out: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      out.push(
        ...pageParagraphs(
          (content.items as unknown[]).filter(
            (i): i is TextItem => typeof i === 'object' && i !== null && 'str' in i,
          ),
        ),
      );
      page.cleanup();
    }
    if (!out.join('').trim())
      throw notATranscript(`a PDF of ${pdf.numPages} page(s) without a text layer (a scan?)`, where);
    return out.join('\n\n');
  } catch (err) {
    if (err instanceof PermanentError) throw err;
    throw new PermanentError('ERR_BAD_PDF', `${at}the PDF cannot be read: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await pdf.destroy();
  }
}
