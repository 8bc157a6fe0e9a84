import { findDates, startsWithDate } from '../meta/dates.js';
import { detectLanguage } from '../meta/language.js';
import { placeInHeaderLine } from '../meta/places.js';
import { isSpeakersField } from '../meta/speaker-fields.js';
import { NAME_SOURCE, ROLE_SOURCE } from '../meta/speakers.js';
import { OPENING, TITLE_WORD } from './boilerplate.js';
import { countWords, endsWithDigit, hasWords, startsWithDigit } from './normalize.js';

export const ROLE_LINE = new RegExp(`^(?:the\\s+)?(?:${ROLE_SOURCE})\\s+(?:of|for)\\b`, 'iu');
const SPEAKER_LINE = new RegExp(
  `^${NAME_SOURCE}\\s*,\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}-]*\\s+){0,2}(?:${ROLE_SOURCE})\\b`,
  'u',
);
const SENTENCE_BREAK = /(?<!\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|vs|No))[.!?]["”’]?\s+[\p{Lu}„“"]/u;

/** A blog's or news site's post line: "Posted on 3 May 2026 · 12 Comments", "Updated 10:42". */
const POST_META =
  /^(?:posted|published|updated|last updated|first published|publié|veröffentlicht|aktualisiert|publicado|pubblicato)\b|\b\d+\s+(?:comments?|commentaires?|kommentare?|reacties|commenti|comentarios?|responses|replies)\b/i;

/** A marker or speaker label that opens a turn of the transcript. */
export const TURN_START =
  /^(?:Q\s*[.:)\-–]|Q\s{2,}|Q&A\b|Question(?:\s*\[[^\]]*\]|\s*\([^)]*\))?\s*:|Questions? and answers|Frage\s*:|Réponse\s*:|Journalist(?:e|in)?(?:\s*\([^)]*\))?\s*:|Moderator\s*:|Interviewer\s*:|[\p{Lu}][\p{Lu} .'’-]{2,60}(?:,[^:]{1,80})?:\s+\S)/u;

/**
 * Whether a line reads as a document title (not a dateline, a byline, a role line or a sentence of
 * speech). `loose`: a headline of three words or more that has no title word ("Kommissarin Varga
 * zu den Speicherregeln"), for a header where no line reads as a title otherwise.
 */
export function isTitleLike(line: string, loose = false): boolean {
  if (line.length > 350 || line.length < 8) return false;
  const n = countWords(line);
  if (n < (loose ? 3 : 2)) return false;
  if (ROLE_LINE.test(line) || POST_META.test(line) || isSpeakersField(line)) return false;
  // "Anna Berg, Minister of Finance" is a byline; with a quote after it, a headline
  if (SPEAKER_LINE.test(line) && !/\s:\s*\S|["“«„]/.test(line)) return false;
  if (SENTENCE_BREAK.test(line)) return false;
  if (/\.$/.test(line) && !/\b\p{Lu}\.$/u.test(line)) return false;
  if (/:$/.test(line)) return false;
  if (
    /^[^:]{1,40}:\s*\S/.test(line) &&
    /^(?:type|lieu|location|end production|first transmission|première transmission|source published|published|date|duration|durée)\s*:/i.test(
      line,
    )
  )
    return false;
  // the date patterns last (a line the cheaper tests above reject is not searched for dates)
  if (startsWithDate(line)) return false;
  const dates = findDates(line);
  if (
    dates.length &&
    countWords(dates.reduce((s, d) => s.replace(line.slice(d.index, d.end), ''), line)) <= 4
  )
    return false;
  if (n <= 6 && !TITLE_WORD.test(line) && placeInHeaderLine(line)) return false;
  return loose || TITLE_WORD.test(line) || /\S:\s+\S/.test(line) || n >= 6;
}

/**
 * Whether a line starts the spoken text (or the lead paragraph) rather than the page header.
 * `titleLike` may be a memoised `isTitleLike` (the caller asks about the same lines again).
 */
export function isBodyStart(
  raw: string,
  docLang: string | null,
  titleFound: boolean,
  titleLike: (line: string) => boolean = isTitleLike,
): boolean {
  // time codes around the line (tested only when it starts or ends with a digit)
  let line = startsWithDigit(raw) ? raw.replace(/^\d{1,2}:\d{2}:\d{2}\s+/, '') : raw;
  if (endsWithDigit(line)) line = line.replace(/(?<!\s)\s+\d{1,2}:\d{2}:\d{2}$/, '');
  if (OPENING.test(line) || /^(?:SOUNDBITE|Soundbite|SOT)\b/.test(line)) return true;
  if (/^(?:Q\s*[.:)\-–]\s*\S|Q\s{2,}\S|Question\s*:|Journalist\s*:|Frage\s*:)/.test(line)) return true;
  if (isSpeakersField(line) || (titleLike(line) && (!titleFound || !/[.!?]["”]?$/.test(line)))) return false;
  if (/^[\p{Lu}][\p{Lu} .'’-]{2,60}(?:,[^:]{1,80})?:\s+\S/u.test(line) && hasWords(line, 6)) return true;
  const sentence = /[.!?…"”»)]$/.test(line) || line.length >= 200;
  if (!hasWords(line, 8) || !sentence) return false;
  const lang = detectLanguage(line, 2);
  return !docLang || !lang || lang === docLang || line.length >= 300;
}
