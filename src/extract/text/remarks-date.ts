import { findDates, findDatesInferringYear, leadDate } from '../meta/dates.js';
import { splitsAtMost } from './normalize.js';

/** A mirror's byline or publication stamp: its date is when the page went up, not of the remarks. */
export const BYLINE =
  /^(?:by|posted|published|updated|last updated?|first published|written|date of publication)\b/i;

/** A document-type stamp of the publishing site: "03/06/2025 | Press release" (when it went up: a last resort). */
const TYPE_STAMP = /\|\s*(?:press release|communiqué|news|actualités|nachrichten|noticias|notizie)/i;

/**
 * A mirror's or a video platform's own stamp, never the date of the remarks: a clock time
 * ("Tuesday 3 June 2025 | 10:42", "07/01/2019 | 10:59") or the upload's duration and views
 * ("Published: May 22, 2018 Duration: 00:29:13").
 */
const MIRROR_STAMP = /\|\s*\d{1,2}[:.]\d{2}\b|\b(?:duration|durée|dauer|views|vues|aufrufe)\s*:/i;

/** Words just before a date that make it the day a text went up, not the day of the remarks. */
const PUBLISHED_BEFORE =
  /\b(?:published|posted|updated|publié|publiée|mis en ligne|veröffentlicht|aktualisiert|publicad[oa]|pubblicat[oa]|gepubliceerd)\b[^.;]{0,12}$/i;

/** What the header, lead and body say about the day of the remarks. */
export interface DateClues {
  /** The header lines, the title among them. */
  header: string[];
  /** Where the first title-like header line is: dates above it are a mirror's own. */
  titleAt: number;
  title: string | null;
  lead: string | null;
  body: string[];
  /** Whether the capture is a live blog (entries stamped with clock times). */
  live: boolean;
  /** Header lines that belong to a mirror's byline block ("by Name / Outlet / date"). */
  bylineLines: Set<string>;
}

/**
 * The date of the remarks, from the text only: a dateline after the title (a date an interview line
 * gives for when it was conducted, not when it was published), else "on <date>" in the lead, else a
 * date in the title, else — for a live blog — the date heading above the title, else a short credit
 * line in the body (`Programme, 23.05.2019`), else the day the page says it was published. A
 * mirror's clock stamp, a video's upload line and the date of a byline block never date the remarks.
 */
export function dateOfRemarks(c: DateClues): string | null {
  const at = c.titleAt;
  let stamped: string | null = null; // when the page went up: the last resort
  for (const h of c.header.slice(Math.max(0, at))) {
    if (h === c.title || MIRROR_STAMP.test(h) || c.bylineLines.has(h)) continue;
    if (BYLINE.test(h) || TYPE_STAMP.test(h)) {
      stamped ??= findDates(h)[0]?.iso ?? null;
      continue;
    }
    // "conducted on 26 January and published on 1 February 2021": the day it was conducted; a line
    // that gives only the day its source published the text ("Source published: …") still dates it
    const ds = findDatesInferringYear(h);
    const d =
      ds.find((x) => !PUBLISHED_BEFORE.test(h.slice(Math.max(0, x.index - 40), x.index))) ??
      ds.find((x) => x.hasYear);
    if (d) return d.iso;
  }
  const fromLead = c.lead ? leadDate(c.lead) : null;
  if (fromLead) return fromLead;
  const inTitle = c.title ? findDates(c.title)[0]?.iso : undefined;
  if (inTitle) return inTitle;
  if (c.live)
    for (const h of c.header.slice(0, Math.max(0, at))) {
      const d = findDates(h)[0];
      if (d && splitsAtMost(h, 6)) return d.iso;
    }
  for (const b of c.body) {
    // (a credit line names its programme before a comma: a line without one is not looked for dates)
    if (b.length > 80 || !b.includes(',') || BYLINE.test(b)) continue;
    const d = findDates(b)[0];
    if (d && isCreditLine(b.slice(0, d.index), b.slice(d.end))) return d.iso;
  }
  return stamped;
}

/** "tagesthemen, 23.05.2019", "(Radio Nord, 3 May 2024)": a name and a date, nothing said around them. */
function isCreditLine(before: string, after: string): boolean {
  const b = before.replace(/^[\s(–—-]+/, '');
  return /^[\p{L}\d][\p{L}\d .&'’-]{1,40},\s*$/u.test(b) && /^[\s).]*$/.test(after) && splitsAtMost(b, 5);
}
