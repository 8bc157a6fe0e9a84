import { loadHtml } from '../html/load.js';
import { checkSize, DEFAULT_LIMITS, linesLength, type ExtractLimits } from '../limits.js';
import { z } from 'zod';
import { PermanentError } from '../../errors.js';
import type { Speaker } from '../../schemas/record.js';
import { findDates } from '../meta/dates.js';
import { blockLines } from '../html/blocks.js';
import { analyzeLines, type Analyzed } from '../text/analyze.js';

/** The parts of a Press Corner `/api/documents` answer the extractor reads. */
const PressCornerDocument = z.object({
  refCd: z.string().optional(),
  eventDate: z.union([z.string(), z.number()]).nullish(),
  publishDate: z.union([z.string(), z.number()]).nullish(),
  docuLanguageResource: z
    .object({
      title: z.string().nullish(),
      subtitle: z.string().nullish(),
      htmlContent: z.string().nullish(),
      language: z.string().nullish(),
    })
    .nullish(),
  placeResource: z.object({ description: z.string().nullish() }).nullish(),
  commissionerResource: z.array(z.record(z.string(), z.unknown())).nullish(),
});

const isoOf = (v: string | number | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return new Date(v).toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return findDates(v)[0]?.iso ?? null;
};

function commissioner(c: Record<string, unknown>): Speaker | null {
  const s = (k: string) => (typeof c[k] === 'string' ? (c[k] as string).trim() : '');
  const name = s('name') || s('fullName') || [s('firstName'), s('lastName')].filter(Boolean).join(' ');
  return name ? { name, role: s('title') || s('role') || 'Commissioner' } : null;
}

/**
 * A Press Corner document (the API's JSON, never the JavaScript page): title, event date,
 * place and language from the fields, the text from `htmlContent`.
 * @throws PermanentError `ERR_BAD_JSON` or `ERR_EMPTY_DOCUMENT`.
 */
export function extractPressCorner(body: string, limits: ExtractLimits = DEFAULT_LIMITS): Analyzed {
  if (!body.trim())
    throw new PermanentError(
      'ERR_EMPTY_DOCUMENT',
      'Press Corner returned an empty body: the document has no content',
    );
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw new PermanentError('ERR_BAD_JSON', `Press Corner body is not JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const parsed = PressCornerDocument.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PermanentError('ERR_BAD_JSON', `Press Corner document has an unexpected shape (${where})`);
  }
  const doc = parsed.data;
  const res = doc.docuLanguageResource;
  if (!res?.htmlContent?.trim())
    throw new PermanentError(
      'ERR_EMPTY_DOCUMENT',
      `Press Corner document ${doc.refCd ?? '(no refCd)'} has no docuLanguageResource.htmlContent`,
    );
  checkSize('html', res.htmlContent.length, limits);
  const lines = blockLines(loadHtml(res.htmlContent, { maxDepth: limits.htmlMaxDepth }));
  checkSize('text', linesLength(lines), limits);
  const speakers = (doc.commissionerResource ?? []).map(commissioner).filter((s): s is Speaker => s !== null);
  const lang = res.language?.slice(0, 2).toLowerCase();
  return analyzeLines(res.title ? [res.title, '', ...lines] : lines, {
    title: res.title ?? null,
    date: isoOf(doc.eventDate) ?? undefined,
    place: doc.placeResource?.description?.trim() || undefined,
    language: lang && /^[a-z]{2}$/.test(lang) ? lang : undefined,
    speakers,
  });
}
