import { CITIES } from './cities.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression source matching any city of the list (longest first). */
export const CITY_RE = [...CITIES]
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');

/**
 * Words of the cities. A city pattern's find counts only in a text that holds one of them: once a
 * cheap test run before the patterns, now run after them (they became the cheaper), and kept so the
 * places found stay the same (it turns away a lone "Cluj-Napoca" or "L’Aia", whose words it splits).
 */
const COMMON = new Set(['the', 'am', 'new', 'main', 'city', 'town', 'san', 'abu', 'de']);
const CITY_WORDS = new Set(CITIES.flatMap((c) => c.toLowerCase().split(' ')).filter((w) => !COMMON.has(w)));

const LENGTHS = [...CITY_WORDS].map((w) => w.length);
const [SHORTEST, LONGEST] = [Math.min(...LENGTHS), Math.max(...LENGTHS)];
const LETTER = /\p{L}/u;
/** Per BMP code unit: 1 a letter, 2 not, 0 not yet looked up. */
const letterCache = new Uint8Array(65536);
/** The length of the letter (1 or 2 code units: a surrogate pair) at `i`, or 0. */
function letterAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  if (!letterCache[c]) letterCache[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return letterCache[c] === 1 ? 1 : 0;
}

/**
 * Whether `s` has a word (a run of letters) that could start a city's name. Words are lower-cased
 * one by one, without splitting a lower-cased copy of the whole text (which was 4% of the clean
 * bench); `İ` and `Σ` lower-case differently alone than in context, so a text with them is split.
 */
export function mayNameCity(s: string): boolean {
  if (s.includes('\u0130') || s.includes('\u03a3')) {
    for (const w of s.toLowerCase().split(/[^\p{L}]+/u)) if (CITY_WORDS.has(w)) return true;
    return false;
  }
  for (let i = 0; i < s.length;) {
    let j = i;
    for (let n = letterAt(s, j); n; n = letterAt(s, j)) j += n;
    if (j === i) {
      i++;
      continue;
    }
    if (j - i >= SHORTEST && j - i <= LONGEST && CITY_WORDS.has(s.slice(i, j).toLowerCase())) return true;
    i = j;
  }
  return false;
}

const CITY_WORD = new RegExp(`(?<![\\p{L}])(${CITY_RE})(?![\\p{L}])`, 'u');

/** Words in capitals written as the gazetteer writes them: "TIRANA, 3 MARCH" → "Tirana, 3 March". */
const unshoutWords = (s: string) => s.replace(/\p{Lu}{3,}/gu, (w) => w[0]! + w.slice(1).toLowerCase());

/** The city a short header line names (a dateline, `Lieu: …`, `City, Country`), or null. */
export function placeInHeaderLine(line: string): string | null {
  // (the city pattern first: it is cheaper than `mayNameCity`, which then only vets a find)
  const city = cityField(line);
  if (city) return mayNameCity(line) ? city : null;
  // (but before rewriting a line's words in capitals, which costs more)
  return /\p{Lu}{3}/u.test(line) && mayNameCity(line) ? cityField(unshoutWords(line)) : null;
}

function cityField(line: string): string | null {
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
  // "Anna Berg (Brussels, 61 years)": where a person was born, with their age, not a place of remarks
  if (/^\s*,\s*\d{1,3}(?:\s+\p{L}+)?\s*\)/u.test(after)) return null;
  return okBefore && okAfter ? m[1]! : null;
}

/** The city a lead or a title places the remarks in ("in Luxembourg on 14 April", "Meeting, Brussels:"). */
const PHRASE = new RegExp(
  `(?:\\b(?:in|at|à|en|em|from her headquarters in|from his headquarters in)\\s+|,\\s*)(${CITY_RE})(?![\\p{L}])` +
    // Italian "a Roma" only before punctuation or a word that goes on the sentence ("a Bruxelles, dove …")
    `|\\ba\\s+(${CITY_RE})(?=\\s*[,.;:]|\\s+(?:il|la|lo|i|le|gli|nel|nella|durante|dopo|prima|per|con|dove|mentre|dal|dalla)\\b)`,
  'u',
);
/** Words before "in City" that place a reporter or an office there, not the remarks. */
const POSTED =
  /\b(?:correspondent|corresponsal|correspondant|korrespondent(?:in)?|corrispondente|bureau|office|büro|oficina|despacho|ufficio|kantoor)\b[^.;]{0,40}$/i;

/*
 * In the patterns with the `iu` flags below, `(?<!\w)` stands for `\b` before a word's first
 * letter (and `(?!\w)` after its last): the same test, but V8 checks a leading `\b` at every
 * position of the text under `iu` (its word characters then include "ſ" and the Kelvin sign),
 * which made these patterns 10 to 40 times slower.
 */

/** "Press briefing in Brussels.", "Doorstep at Luxembourg": the event of the text, where it is held. */
const EVENT_IN = new RegExp(
  `(?<!\\w)(?:press\\s+(?:briefing|conference|point|remarks)|doorstep|point\\s+de\\s+presse|conférence\\s+de\\s+presse|pressekonferenz|rueda\\s+de\\s+prensa|conferenza\\s+stampa|persconferentie)\\s+(?:in|at|à|en|a|in\\s+the)\\s+(${CITY_RE})(?![\\p{L}])`,
  'iu',
);
export function placeOfEvent(s: string): string | null {
  const city = EVENT_IN.exec(s)?.[1];
  return city && mayNameCity(s) ? city : null;
}

/** Words before "in City" that say the remarks were given there after all: "an interview in his office in The Hague". */
const HELD =
  /\b(?:interview|meeting|talks|conversation|entretien|gespräch|intervista|entrevista)\s+(?:in|at|dans|im|in\s+seinem|in\s+ihrem|en|nel|nella)\s+(?:his|her|their|son|sa|leur|su|suo|sua)?\b/i;

export function placeInPhrase(s: string): string | null {
  const m = PHRASE.exec(s);
  if (!m || !mayNameCity(s)) return null;
  const before = s.slice(Math.max(0, m.index - 60), m.index);
  if (POSTED.test(before) && !HELD.test(before)) return null;
  return m[1] ?? m[2]!;
}

/**
 * "I am in Frankfurt", "ich bin in der Zentrale der Bank in Frankfurt": where a speaker says they are
 * (not "we are working with partners in Kyiv": a few words between, none that points elsewhere).
 */
const WHERE_I_AM =
  "(?<!\\w)(?:I\\s+am|I[’']m|we\\s+are|we[’']re|ich\\s+bin|wir\\s+sind|je\\s+suis|nous\\s+sommes|estoy|estamos|sono|siamo|ik\\s+ben|wij\\s+zijn)\\s(?:(?!(?:with|mit|avec|con|met|to|zu|for|für|pour|per|para|voor|talking|working|interested|contact|touch|partners?)(?!\\w))[^\\s.?!]+\\s){0,6}?(?:in|à|en|a)";

/**
 * The city a speaker says they are in, in the opening of their remarks ("good to see you here in Luxembourg").
 * (`ê(?<=\wê)tre` is what `\bêtre` tested, without a check at every position: "ê" is no word
 * character, so only "être" glued to a word before it counts.)
 */
const SPEECH = new RegExp(
  `(?:(?<!\\w)(?:here,?\\s+in|to\\s+be\\s+(?:back\\s+)?(?:here\\s+)?in|welcome(?:\\s+(?:you|us))?(?:\\s+back)?\\s+(?:here\\s+)?to|te\\s+zijn\\s+in|hier\\s+in|ici\\s*,?\\s+à)|ê(?<=\\wê)tre\\s+(?:ici\\s+)?à|${WHERE_I_AM})\\s+(${CITY_RE})(?![\\p{L}])`,
  'iu',
);
/** Words every `SPEECH` match holds, as whole words: a cheap test first ("where" and "there" do not count). */
const SPEECH_HINT =
  /\b(?:here|to\s+be|welcome|zijn|hier|ici|am|are|bin|sind|suis|sommes|estoy|estamos|sono|siamo|ben)\b|être|[’']m\b|[’']re\b/i;
export function placeInSpeech(s: string): string | null {
  if (!SPEECH_HINT.test(s)) return null;
  const m = SPEECH.exec(s);
  return m && mayNameCity(s) ? m[1]! : null;
}
