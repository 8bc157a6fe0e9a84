import { CITIES } from './cities.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression source matching any city of the list (longest first). */
export const CITY_RE = [...CITIES]
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');

/** First words of the cities, to skip the city patterns cheaply on lines that name none. */
const COMMON = new Set(['the', 'am', 'new', 'main', 'city', 'town', 'san', 'abu', 'de']);
const FIRST_WORDS = new Set(CITIES.flatMap((c) => c.toLowerCase().split(' ')).filter((w) => !COMMON.has(w)));

/** Whether `s` has a word that could start a city's name. */
export function mayNameCity(s: string): boolean {
  for (const w of s.toLowerCase().split(/[^\p{L}]+/u)) if (FIRST_WORDS.has(w)) return true;
  return false;
}

const CITY_WORD = new RegExp(`(?<![\\p{L}])(${CITY_RE})(?![\\p{L}])`, 'u');

/** The city a short header line names (a dateline, `Lieu: …`, `City, Country`), or null. */
export function placeInHeaderLine(line: string): string | null {
  if (!mayNameCity(line)) return null;
  const m = CITY_WORD.exec(line);
  if (!m) return null;
  // the city must stand as a field of the line: alone, or beside commas, dashes, colons or a date
  const before = line.slice(0, m.index);
  const after = line.slice(m.index + m[1]!.length);
  // (linear: the regex form `(?:^|[,:;|•\-–(]|\s{2,})\s*$` backtracked cubically over long spaces)
  const trimmed = before.trimEnd();
  const okBefore = !trimmed || before.length - trimmed.length >= 2 || /[,:;|•\-–(]$/.test(trimmed);
  const okAfter = /^\s*(?:$|[,:;|\-–)]|\s{2,}|am Main\b|\((?:town|city|ville|stadt|ciudad|città)\))/i.test(
    after,
  );
  return okBefore && okAfter ? m[1]! : null;
}

/** The city a lead or a title places the remarks in ("in Luxembourg on 14 April", "Meeting, Brussels:"). */
const PHRASE = new RegExp(
  `(?:\\b(?:in|at|à|en|from her headquarters in|from his headquarters in)\\s+|,\\s*)(${CITY_RE})(?![\\p{L}])`,
  'u',
);
/** Words before "in City" that place a reporter or an office there, not the remarks. */
const POSTED =
  /\b(?:correspondent|corresponsal|correspondant|korrespondent(?:in)?|corrispondente|bureau|office|büro|oficina|ufficio)\b[^.;]{0,40}$/i;

export function placeInPhrase(s: string): string | null {
  if (!mayNameCity(s)) return null;
  const m = PHRASE.exec(s);
  if (m && POSTED.test(s.slice(Math.max(0, m.index - 60), m.index))) return null;
  return m ? m[1]! : null;
}

/** The city a speaker says they are in, in the opening of their remarks ("good to see you here in Luxembourg"). */
const SPEECH = new RegExp(
  `(?:\\bhere,?\\s+in|\\bto\\s+be\\s+(?:back\\s+)?(?:here\\s+)?in|\\bwelcome(?:\\s+(?:you|us))?(?:\\s+back)?\\s+(?:here\\s+)?to|\\bte\\s+zijn\\s+in|\\bhier\\s+in|\\bici\\s*,?\\s+à|\\bêtre\\s+(?:ici\\s+)?à)\\s+(${CITY_RE})(?![\\p{L}])`,
  'iu',
);
/** Words every `SPEECH` match holds, as whole words: a cheap test first ("where" and "there" do not count). */
const SPEECH_HINT = /\b(?:here|to\s+be|welcome|zijn|hier|ici)\b|être/i;
export function placeInSpeech(s: string): string | null {
  if (!SPEECH_HINT.test(s) || !mayNameCity(s)) return null;
  const m = SPEECH.exec(s);
  return m ? m[1]! : null;
}
