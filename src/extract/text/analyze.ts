import type { Meta, Speaker } from '../../schemas/record.js';
import { findDates } from '../meta/dates.js';
import { detectLanguageOfLines } from '../meta/language.js';
import { placeInHeaderLine, placeInPhrase, placeInSpeech, placeOfEvent, CITY_RE } from '../meta/places.js';
import {
  addSpeaker,
  findSpeakers,
  greetedGuest,
  interviewLabels,
  isBareName,
  protagonist,
} from '../meta/speakers.js';
import { findEvent } from '../meta/event.js';
import { speakersFromFields } from '../meta/speaker-fields.js';
import {
  DELIVERY,
  PHONE,
  PHOTO_CREDIT,
  VIDEO_LINK,
  isBoilerplate,
  isLateStop,
  isStop,
} from './boilerplate.js';
import { isCaptionStyle, joinCaptionLines, stripInlineCues } from './captions.js';
import { isBodyStart, isTitleLike, ROLE_LINE } from './header.js';
import {
  CAPTURE_STAMP,
  LIVE_STAMP,
  endsWithDigit,
  normalizeLine,
  splitGlued,
  splitsAtMost,
  startsWithDigit,
  startsWithLetter,
} from './normalize.js';
import { BYLINE, dateOfRemarks } from './remarks-date.js';
import { chooseTitle } from './title.js';

/** What a structured source already knows, which wins over what the text suggests. */
export interface Hints {
  title?: string | null;
  /** A page's `<h1>`: the title when it is among the header lines and reads as one. */
  h1?: string | null;
  /** A page's `<title>`: an `<h1>` it does not hold is the site's banner when another header line is in it. */
  pageTitle?: string | null;
  date?: string | null;
  place?: string | null;
  speakers?: Speaker[];
  /** The document's language as a source states it (an API field): wins over detection. */
  language?: string | null;
  /** A page's declared language (`<html lang>`): used only when the text is too short to tell. */
  defaultLanguage?: string | null;
  videoUrl?: string | null;
  checkAgainstDelivery?: boolean;
}

export interface Analyzed {
  text: string;
  meta: Meta;
  warnings: string[];
}

/** Another delivery note right after one, behind a dash, bar or slash. */
const MORE_DELIVERY = new RegExp(`^\\s*[-–—|/•]?\\s*(?:${DELIVERY.source})`, 'i');
const DELIVERY_HINT = /delivery|prononcé|gesprochene|delivered|pronunciado|uitgesproken/i;
const FIRST_PERSON =
  /\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|my|My|me|us|je|Je|nous|Nous|ich|Ich|wir|Wir|mein|unser|ik|wij|yo|nosotros)\b/;
/** A paragraph without what it quotes ("…", “…”, «…», „…“). */
const unquoted = (s: string) =>
  s.replace(/"[^"]{0,600}"|“[^”]{0,600}”|«[^»]{0,600}»|„[^“”]{0,600}[“”]/g, ' ');
const SPOKEN_LABEL = /^[\p{Lu}][\p{Lu} .'’-]{2,60}(?:,[^:]{1,80})?:\s+\S/u;

/**
 * The heart of cleaning, shared by every extractor: lines of captured text (from a plain-text
 * capture, or the blocks of an HTML page's main content) → the spoken text, with the page's
 * title, dateline, bylines, banners and links dropped and turned into metadata.
 */
export function analyzeLines(rawLines: string[], hints: Hints = {}): Analyzed {
  const warnings: string[] = [];
  const cache = new Map<string, boolean>();
  const titleLike = (l: string) => {
    let v = cache.get(l);
    if (v === undefined) cache.set(l, (v = isTitleLike(l)));
    return v;
  };
  const { lines, cad, videoUrl, live, bylineLines } = readLines(rawLines);
  dropPressContacts(lines, titleLike);
  const docLang = hints.language ?? detectLanguageOfLines(lines, '\u0000') ?? hints.defaultLanguage ?? 'en';
  const split = splitHeader(lines, docLang, titleLike, warnings);
  const header = split.header;
  let body = split.body;

  let title = hints.title || chooseTitle(header, docLang, titleLike, hints.h1, hints.pageTitle);
  // a name that labels turns in the body ("Paul Germain" above each question) is no title
  if (!hints.title && title && isBareName(title) && body.includes(title)) title = null;
  // a title repeated inside the body (mirrors print it twice or thrice)
  if (title) body = body.filter((b) => b !== title);
  // the lead: a first paragraph that narrates rather than speaks
  // (a lead may quote the speaker in the first person: only its own words count)
  const lead =
    body[0] && !FIRST_PERSON.test(unquoted(body[0])) && !SPOKEN_LABEL.test(body[0]) && !/^Q\b/.test(body[0])
      ? body[0]
      : null;
  const date =
    hints.date ||
    dateOfRemarks({
      header,
      titleAt: header.findIndex(titleLike),
      title,
      lead,
      body,
      live,
      bylineLines,
    });
  const place = hints.place || findPlace(header, body, lead, title);
  const speakers = findAllSpeakers(hints.speakers ?? [], title, header, lead, body);
  const text = body.join('\n\n');
  if (!text) warnings.push('no spoken text found after cleaning');
  return {
    text,
    meta: {
      title: title || null,
      date,
      place,
      speakers,
      event: findEvent(title ?? '') ?? (lead ? findEvent(lead) : null),
      language: docLang,
      videoUrl: hints.videoUrl ?? videoUrl,
      checkAgainstDelivery: hints.checkAgainstDelivery ?? cad,
    },
    warnings,
  };
}

/** Lines normalised and unglued, with delivery notes, video links and boilerplate taken out (markers left for notes and stops). */
function readLines(rawLines: string[]): {
  lines: string[];
  cad: boolean;
  videoUrl: string | null;
  live: boolean;
  bylineLines: Set<string>;
} {
  let cad = false;
  let liveStamps = 0;
  /** Lines left to look at after a dropped "by Name" byline: an outlet and a date may follow it. */
  let afterByline = 0;
  const bylineLines = new Set<string>();
  let videoUrl: string | null = null;
  /** Sentences read so far: a comment or "related" heading ends the text only after some. */
  let spoken = 0;
  const lines: string[] = [];
  for (const raw of rawLines) {
    // half the lines of a page are the empty ones between its blocks: each cleaning step below
    // leaves an empty line empty, and it is kept as one
    if (!raw) {
      lines.push('');
      continue;
    }
    if (/\d\s?(?:am|pm)\s/i.test(raw)) liveStamps += raw.match(LIVE_STAMP)?.length ?? 0;
    for (let piece of splitGlued(normalizeLine(stripInlineCues(raw)))) {
      piece = piece.trim();
      if (!piece) {
        lines.push('');
        continue;
      }
      const d = DELIVERY_HINT.test(piece) ? DELIVERY.exec(piece) : null;
      if (d) {
        cad = true;
        lines.push(...deliveryNote(piece, d));
        continue;
      }
      const v = VIDEO_LINK.exec(piece);
      if (v) {
        if (/^https?:\/\/[^/\s]+\/\S+/.test(v[1] ?? '')) videoUrl = v[1]!;
        continue;
      }
      if (isStop(piece) || (spoken >= 2 && isLateStop(piece))) {
        lines.push('\u0000STOP');
        break;
      }
      if (mayBePhotoCredit(piece) && PHOTO_CREDIT.test(piece)) {
        // the caption above the credit describes the picture, not the remarks
        let above = lines.length - 1;
        if (above > 0 && !lines[above]) above--;
        const caption = lines[above];
        if (caption && splitsAtMost(caption, 60) && !caption.startsWith('\u0000')) lines[above] = '';
        continue;
      }
      if (isBoilerplate(piece) || (/^[•·▪◦]/.test(piece) && isBoilerplate(stripBullet(piece)))) {
        if (/^by\s/i.test(piece)) afterByline = 2;
        continue;
      }
      if (afterByline > 0) {
        afterByline--;
        if (splitsAtMost(piece, 6)) bylineLines.add(piece);
      }
      if (piece.length >= 60 && /[.!?]["”»]?$/.test(piece)) spoken++;
      lines.push(piece);
    }
    if (lines[lines.length - 1] === '\u0000STOP') break;
  }
  while (lines.length && lines[lines.length - 1]!.startsWith('\u0000STOP')) lines.pop();
  return { lines, cad, videoUrl, live: liveStamps >= 2, bylineLines };
}

/** What `PHOTO_CREDIT` needs: an agency credit has a `/`, a "Photo:" credit a `:` (most lines have neither). */
const mayBePhotoCredit = (l: string) => l.includes('/') || l.includes(':');

/** A line with a delivery note: the words before it, a marker for the note, and a dateline glued after it. */
function deliveryNote(piece: string, d: RegExpExecArray): string[] {
  const out: string[] = [];
  const before = piece.slice(0, d.index).trim();
  // the same note in several languages on one line: "Check against delivery - Seul le texte prononcé fait foi"
  let after = piece.slice(d.index + d[0].length);
  for (let m = MORE_DELIVERY.exec(after); m; m = MORE_DELIVERY.exec(after)) after = after.slice(m[0].length);
  after = after.replace(/^\s*[-–—|/•]\s*$/, '').trim();
  if (before) out.push(before);
  out.push('\u0000CAD');
  if (after) out.push(...splitDateline(after));
  return out;
}

/** Press contacts: phone lines and the name/role lines just above them, emptied in place. */
function dropPressContacts(lines: string[], titleLike: (l: string) => boolean): void {
  for (let i = 0; i < lines.length; i++) {
    if (!PHONE.test(lines[i]!) || !splitsAtMost(lines[i]!, 14)) continue;
    lines[i] = '';
    for (let j = i - 1; j >= 0 && i - j <= 3; j--) {
      const l = lines[j]!;
      if (!l) continue;
      if (splitsAtMost(l, 6) && !/[.!?]$/.test(l) && !titleLike(l)) lines[j] = '';
      else break;
    }
  }
}

/** The page header (title, datelines, bylines) and the body (the spoken text and its lead). */
function splitHeader(
  lines: string[],
  docLang: string,
  titleLike: (l: string) => boolean,
  warnings: string[],
): { header: string[]; body: string[] } {
  let bodyStart = lines.length;
  let titleFound = false;
  let afterCad = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    if (l === '\u0000CAD') {
      afterCad = true;
      continue;
    }
    const spokenish = afterCad && !startsWithDateline(l);
    if (spokenish || isBodyStart(l, docLang, titleFound, titleLike)) {
      bodyStart = i;
      break;
    }
    if (titleLike(l)) titleFound = true;
  }
  if (bodyStart === lines.length) {
    // nothing read as speech: keep everything after the first title-like line rather than lose the text
    const t = lines.findIndex((l) => l && !l.startsWith('\u0000') && titleLike(l));
    bodyStart = t + 1;
    warnings.push('no line read as the start of the spoken text; kept everything after the title');
  }
  // one pass each, without the intermediate arrays of slice/filter/map
  const header: string[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const l = lines[i]!;
    if (l && !l.startsWith('\u0000')) header.push(stripBullet(l));
  }
  let body: string[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.startsWith('\u0000')) body.push(cleanBodyLine(l));
  }
  if (isCaptionStyle(body)) body = joinCaptionLines(body);
  body = body.filter(Boolean);
  if (body.length) body[0] = stripMirrorDateline(body[0]!);
  return { header, body };
}

/** The place: a header field, an early short line, the lead, the title, then the opening of the speech. */
function findPlace(
  header: string[],
  body: string[],
  lead: string | null,
  title: string | null,
): string | null {
  for (const h of header) {
    const p = placeInHeaderLine(h.replace(/^(?:lieu|location|place)\s*:\s*/i, ''));
    if (p) return p;
  }
  for (const b of body.slice(0, 3)) {
    const p = (splitsAtMost(b, 15) ? placeInHeaderLine(b) : null) ?? placeOfEvent(b);
    if (p) return p;
  }
  const p =
    (lead ? placeInPhrase(lead.replace(LEAD_CITY, '')) : null) ?? (title ? placeInPhrase(title) : null);
  if (p) return p;
  for (const b of body.slice(lead ? 1 : 0, 8)) {
    const q = placeInSpeech(b);
    if (q) return q;
  }
  return null;
}

/** Who answers in a shot list: "Anna Berg, Minister of Finance, saying (in Swedish): …". */
const SHOT_SPEAKER =
  /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),\s[^,:]{2,80},\s+(?:saying|says)\b/u;

/**
 * The officials who speak: named with a role in the title, the header, the lead and soundbite
 * lines, a signature at the end; failing all, the person the title and lead are about.
 */
function findAllSpeakers(
  given: Speaker[],
  title: string | null,
  header: string[],
  lead: string | null,
  body: string[],
): Speaker[] {
  const speakers: Speaker[] = [];
  for (const s of given) addSpeaker(speakers, s.name, s.role);
  if (title) {
    findSpeakers(title, speakers);
    if (isBareName(title)) addSpeaker(speakers, title, null);
  }
  for (const h of header) if (!BYLINE.test(h)) findSpeakers(h, speakers);
  for (const n of speakersFromFields([...header, ...body.slice(0, 4)])) addSpeaker(speakers, n, null);
  if (lead) findSpeakers(lead.slice(0, 700), speakers);
  for (const b of body.slice(0, 3)) if (b !== lead && splitsAtMost(b, 15)) findSpeakers(b, speakers);
  for (const b of body) {
    // only a paragraph that starts with "s" can be a soundbite (tested before the pattern)
    if ((b.charCodeAt(0) | 32) === 115 && /^(?:soundbite|sot)\b/i.test(b))
      findSpeakers(b.split(/saying|:/i)[0]!, speakers);
    const shot = SHOT_SPEAKER.exec(b);
    if (shot) addSpeaker(speakers, shot[1]!, null);
  }
  if (body[0]) {
    const guest = greetedGuest(body[0]);
    if (guest) addSpeaker(speakers, guest, null);
  }
  for (const b of body.slice(0, 12)) for (const name of interviewLabels(b)) addSpeaker(speakers, name, null);
  // a signature under the speech, maybe with the signer's role on the line below it
  const last = body.length - 1;
  const signature = ROLE_LINE.test(body[last] ?? '') ? body[last - 1] : body[last];
  if (body.length >= 3 && signature && splitsAtMost(signature, 4) && isBareName(signature))
    addSpeaker(speakers, signature, null);
  if (!speakers.length) {
    const who = protagonist([title ?? '', lead ?? body[0] ?? ''], body);
    if (who) addSpeaker(speakers, who, null);
  }
  return speakers;
}

const startsWithDateline = (l: string) =>
  findDates(l)[0]?.index === 0 || (splitsAtMost(l, 8) && placeInHeaderLine(l) !== null);

const LEAD_CITY = new RegExp(`^(?:${CITY_RE})\\s*[:–—-]`, 'iu');
const GLUED_DATELINE = new RegExp(`^((?:${CITY_RE})[^,]{0,20},\\s*[^.]{0,40}?\\d{4})\\s+(?=\\p{Lu})`, 'u');
const MIRROR_DATELINE = new RegExp(
  `^(?:${CITY_RE})(?:,[\\p{Lu}\\s]+|\\s*)(?:\\(\\w+\\)\\s*)?[:–—-]\\s+(?=\\p{Lu})`,
  'u',
);

/** "Strasbourg, 16 July 2019   Mr President, …": a dateline glued before the speech. */
function splitDateline(s: string): string[] {
  const m = GLUED_DATELINE.exec(s);
  if (m && findDates(m[1]!).length) return [m[1]!, s.slice(m[0].length)];
  return [s];
}

/** What a bullet starts with (looked up before the replace: most lines have none). */
const BULLETS = '•·▪◦*-–';
const stripBullet = (l: string) =>
  (BULLETS.includes(l.charAt(0)) ? l.replace(/^[•·▪◦*\-–]\s+/, '') : l).trim();

function cleanBodyLine(l: string): string {
  let t = stripBullet(l);
  // each pattern below starts or ends with a digit or a letter it names: tested only on lines that
  // do (most lines: none of the five runs of the regular-expression engine)
  if (startsWithDigit(t))
    t = t.replace(/^\d{1,2}:\d{2}(?::\d{2})?(?=\p{L})/u, '').replace(/^\d{2}:\d{2}:\d{2}\s+(?=\S)/, '');
  if (endsWithDigit(t)) t = t.replace(/(?<!\s)\s+\d{2}:\d{2}:\d{2}$/, '');
  if (startsWithLetter(t, 'j')) t = t.replace(/^jump to the transcript of the questions and answers\s*/i, '');
  if (startsWithLetter(t, 'd') || startsWithLetter(t, 'f')) t = t.replace(CAPTURE_STAMP, '');
  return t.trim();
}

/** A news site's own dateline ("BRUSSELS: …") before the first paragraph: not where the remarks were given. */
function stripMirrorDateline(l: string): string {
  return l.replace(MIRROR_DATELINE, (m) => (m === m.toUpperCase() ? '' : m));
}
