import { CITIES } from '../extract/meta/cities.js';

/** What the start of a turn says about it. */
export interface Marker {
  type: 'question' | 'answer' | 'label' | 'soundbite' | 'heading' | 'shot' | 'none';
  /** The journalist or official the marker names, if any. */
  speaker: string | null;
  /** Offset (in the span) where the turn's words start, after the marker. */
  skip: number;
  /** For labels: the label as written, to classify it across the document. */
  label?: string;
}

const NONE: Marker = { type: 'none', speaker: null, skip: 0 };

const HEADING =
  /^(?:Q\s*(?:&|and)\s*A(?:\s+session)?|Questions?\s+(?:and|&)\s+answers?|Questions?\s+et\s+réponses?|Questions?[- ]réponses?|Fragen\s+und\s+Antworten|Onto\s+questions|Questions\s+from\s+(?:the\s+)?(?:press|floor|journalists|media)|Transcript\s+of\s+the\s+questions\s+asked\s+and\s+the\s+answers\s+given\b[^.?!]{0,200})\s*[.:]?$/i;
/** A note of the transcriber in brackets, not a journalist's name: `[inaudible]`, `(in French)`. */
const NOTE =
  /^(?:(?:partly\s+)?(?:inaudible|unclear|indistinct)|off[- ]mic|no microphone|interpret|translat|crosstalk|laughter|question\s+in\s|\p{L}+\s+interpretation|audio\s|in\s+\p{L}+$)/iu;
/** Not a journalist: `Question from the floor:`. */
const FLOOR = /^(?:the\s+)?(?:floor|audience|room|press|media)$/i;
const Q_WORD =
  '(?:Q\\d{0,2}|Q(?:UESTION|uestion)S?(?:\\s+\\d{1,2})?|F(?:RAGE|rage)|P(?:REGUNTA|regunta)|D(?:OMANDA|omanda)|V(?:RAAG|raag)|[PD](?=\\s*(?::|\\.?\\s*[-–—])\\s)|N(?:EXT|ext)\\s+[Qq](?:UESTION|uestion))';
/** `Question [Anna Berg, Reuters]:`, `Question (Reuters):`, `Question from Politico:`, `Q. (Reuters) Will …`, `Q. –`. */
const QUESTION = new RegExp(
  `^${Q_WORD}\\s*(?:\\[([^\\]]{1,80})\\]|\\(([^)]{1,80})\\)|\\s(?:from|by)\\s+([^:?]{1,80}?)(?=\\s*:))?` +
    `\\s*(?:[.:)\\-–—](?:\\s*[-–—](?=\\s))?|(?<=^Q)\\s+(?=["“„]?\\p{Lu})|(?<=[\\])])(?=\\s|$))\\s*` +
    `(?:\\(([^)]{1,60})\\)\\s*:?\\s+(?=\\S)|\\[([^\\]]{1,60})\\]\\s*:?\\s+(?=\\S))?`,
  'u',
);
/** `Journalist (Outlet):`, `Irish journalist:`, `Journalist, follow-up?:` (a qualifier after a comma). */
const QUESTION_LABELLED =
  /^(?:(?:Unidentified|Unknown|Another|Female|Male|Foreign|[A-Z][a-z]+(?=\s+(?:journalist|reporter)\b))\s+)?(?:Journalist(?:e|in)?|Reporter|Press|Questioner|Interviewer|Audience|Participant|Journaliste)(?:\s+\d{1,2})?\s*(?:\(([^)]{1,80})\)|\[([^\]]{1,80})\])?(?:\s*,\s*[^:?\n]{1,40}\??)?\s*:\s*/i;
/** A cue of a video script that reports the questions: `Reporters ask: "…?"`, `Journalist asks:`. */
const ASK_CUE =
  /^(?:(?:Reporters?|Journalists?|Press|Media)\s+asks?|Question\s+from\s+(?:reporters|journalists|the\s+press))\s*[:,-]\s*/i;
/**
 * A camera line of a shot list: `W/S minister leaves car *CUTAWAY*`, `2. M/S delegates`,
 * `Close-up of the flags`, `Various of delegates`. It is no one's turn.
 */
const SHOT =
  /^(?:\d{1,3}[.)]\s*)?(?:[WMLE]\/S|C\/U|[WM]CU|ECU|WS|MS|LS|CU|VS|(?:Wide|Medium|Long|Close)\s+shots?|Close[- ]ups?|Various\s+(?:of|shots?)|Aerials?(?:\s+(?:shots?|views?))?\s+of|Pan\s+(?:from|to|left|right|across)|Zoom\s+(?:in|out)|Tilt\s+(?:up|down)|Cutaway|Upsound)\b(?![^.?!]*[.?!]\s+\p{Lu})[^?]{0,200}$/u;
/** A camera line tagged with its sound: `Minister leaves car *CUTAWAY*`. */
const SHOT_TAGGED = /^(?:\d{1,3}[.)]\s*)?[^?]{0,200}\*(?:CUTAWAY|UPSOUND|NATSOT|NAT\s?SOUND)\*[^?]{0,40}$/u;
/** A camera line; the tag is looked for only where a `*` is (its pattern tries every length of the line). */
const isShot = (s: string) => s.length < 260 && (SHOT.test(s) || (s.includes('*') && SHOT_TAGGED.test(s)));
const ANSWER =
  /^(?:A|A(?:NSWER|nswer)|R(?:ÉPONSE|éponse)|A(?:NTWORT|ntwort)|R(?:ESPUESTA|espuesta)|R(?:ISPOSTA|isposta)|A(?:NTWOORD|ntwoord)|R(?=\s*(?:[.:]\s*)?[-–—:]))\s*(?:[.:)\-–—](?:\s*[-–—](?=\s))?)\s*/;
/** The interviewer narrates their own prompt: `Obietto: «…»`, `Je lui demande : …`, `Ich hake nach: …`. */
const NARRATED_Q =
  /^(?:obietto|chiedo|domando|incalzo|ribatto|(?:gli|le) (?:chiedo|domando)|je (?:lui |leur )?demande|j['’](?:insiste|objecte)|ich (?:frage(?: nach)?|hake nach|wende ein)|I (?:ask|object|insist)|(?:le|les) pregunto|insisto|objeto)\s*:\s*(?=\S)/i;
/** The official's reply narrated: `Replica: «…»`, `Il répond : …`, `Er entgegnet: …`. */
const NARRATED_A =
  /^(?:replica|risponde|ribatte|(?:il|elle) (?:répond|réplique)|(?:er|sie) (?:antwortet|entgegnet)|(?:he|she) (?:replies|answers|retorts)|responde|contesta)\s*:\s*(?=\S)/i;
const RESPONSE_HEADING = /^Response\s+to\s+(?:a\s+)?questions?\s+(?=on\b|about\b|regarding\b)/i;
const SOUNDBITE = /^(?:SOUNDBITE|Soundbite|SOT)\b[^:]{0,240}?(?:saying(?:\s+that)?\s*:|:)\s*/;
const SOUND_NAME =
  /(?:\bby\s+|\)\s*|,\s*)(\p{Lu}[\p{L}'’.-]+(?:\s+(?:von\s+|der\s+|de\s+|van\s+)*\p{Lu}[\p{L}'’.-]+){0,3})/u;

/** A label that names a role and nobody: "The President of the Republic:", "Minister for Finance:". */
const ROLE_LABEL =
  /^((?:The\s+)?(?:President|Vice[- ]President|Prime\s+Minister|Chancellor|Minister|Commissioner|Spokesperson|High\s+Representative|Secretary[- ]General)(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}-]*){0,3})?)\s*:\s+(?=\S)/u;
const NAME_TOKEN = "(?:\\p{Lu}[\\p{L}'’./-]*|von|van|der|den|de|di|da|du|la|le|\\d+)";
const LABEL = new RegExp(
  `^((?:${NAME_TOKEN})(?:\\s+${NAME_TOKEN}){0,5}(?:\\s*,\\s*[^:,]{1,60}){0,3}(?:\\s*\\([^)]{1,40}\\))?)\\s*(?::|\\.-)\\s+(?=\\S)`,
  'u',
);
const NOT_LABEL = new Set(
  (
    'Note Update Example Today Yesterday First Second Third Finally Then Also And But So Now Here There This That These Those ' +
    'Link Video Photo Source Watch Read Brexit Greece Ukraine Russia Iran Syria Gaza Israel China Europe Question Answer ' +
    'Thank Thanks Yes No Well Look Please Ladies Dear Title Subject Topic Summary Context Background Update Breaking'
  ).split(' '),
);
const CITY_SET = new Set(CITIES.map((c) => c.toUpperCase()));
/**
 * What a role or outlet after a label's comma never holds, and an address to someone before a
 * question does: a question word or a pronoun of the one who asks or is asked
 * (`Frau Berg, wo erreiche ich Sie gerade:`, `Anna, where are you now:`).
 */
const ADDRESSED =
  /,\s*(?:(?:wo|wie|was|warum|wann|where|how|what|why|when|où|comment|pourquoi|quand|dove|come|perché|quando|dónde|cómo|cuándo)\b|[^,]*\b(?:ich|Sie|du|wir|you|we|je|vous|tu|nous|io|noi|usted|ustedes|nosotros)\b)/u;

/** A clause after a comma that elides a pronoun or a conjunction (`c'est`, `qu'on`, `n'a`): a sentence, not a role. */
const ELIDED = /,[^,]*(?<![\p{L}])(?:c|qu|j|n|s)['’]\p{Ll}/u;

/**
 * A question marker with the journalist it names; a transcriber's note in the brackets
 * (`Question [inaudible]`, `Q. (in French) …`) stays in the question's words.
 */
function questionMarker(m: RegExpExecArray, s: string): Marker | null {
  // "Next question. Reuters." gives the floor; it asks nothing
  if (/^next/i.test(m[0]) && !s.includes('?')) return null;
  const before = (m[1] ?? m[2] ?? m[3])?.trim();
  const after = (m[4] ?? m[5])?.trim();
  let skip = m[0].length;
  let speaker = before ?? after ?? null;
  if (before && NOTE.test(before)) {
    skip = m[0].indexOf(m[1] !== undefined ? '[' : '(');
    speaker = after ?? null;
    if (after) skip = m[0].length;
  } else if (after && NOTE.test(after)) {
    skip = m[0].lastIndexOf(m[4] !== undefined ? '(' : '[');
    speaker = before ?? null;
  }
  if (speaker && FLOOR.test(speaker)) speaker = null;
  return skip < s.length ? { type: 'question', speaker, skip } : null;
}

/** An interpreter's turn: the official's words in another language (or the question's, when it asks). */
const INTERPRETER =
  /^(?:\[|\()?(?:Interpreter|Interpretation|Translation|Translator|Interprète|Interprétation|Traduction|Dolmetscher(?:in)?|Übersetzung|Interprete|Traduzione|Intérprete|Traducción)(?:\]|\))?\s*[:.-]?\s+(?=\S)/i;

/** Case-blind patterns as one alternation: it matches where one of them does. */
function anyOf(...patterns: RegExp[]): RegExp {
  if (patterns.some((r) => r.flags !== 'i')) throw new Error('anyOf: case-blind patterns only');
  return new RegExp(patterns.map((r) => `(?:${r.source})`).join('|'), 'i');
}
/**
 * The seven case-blind marker patterns in one test: most paragraphs match none of them, and one
 * test costs about what one of the seven does.
 */
const CASE_BLIND = anyOf(
  HEADING,
  INTERPRETER,
  QUESTION_LABELLED,
  ASK_CUE,
  NARRATED_A,
  NARRATED_Q,
  RESPONSE_HEADING,
);

/**
 * A label's marker, or none when the label is a word, a city, an address or a clause. The
 * `includes` and `endsWith` tests skip a pattern that cannot match (each starts at `,` or `(`, or
 * ends at `)`): each tries every position of the label, and `split` with a pattern costs more
 * than a `search`.
 */
function labelMarker(label: string, skip: number): Marker {
  // the first word: `label.split(/[\s,]+/)[0]`
  const cut = label.search(/[\s,]/);
  const first = cut < 0 ? label : label.slice(0, cut);
  const allCaps = label === label.toUpperCase();
  if (NOT_LABEL.has(first) || NOT_LABEL.has(first.charAt(0) + first.slice(1).toLowerCase())) return NONE;
  if (allCaps && CITY_SET.has(label.includes('(') ? label.replace(/(?<!\s)\s*\(.*$/, '') : label))
    return NONE;
  if (label.includes(',') && (ADDRESSED.test(label) || ELIDED.test(label))) return NONE;
  // "Miriam, on trade interests:" — the name before a topic
  const bare = label.endsWith(')') ? label.replace(/(?<!\s)\s*\([^()]*\)\s*$/, '') : label;
  const name = bare.includes(',') ? bare.split(/(?<!\s)\s*,\s*(?:on|about|re)\b/i)[0]! : bare;
  return { type: 'label', speaker: name, skip, label };
}

/** Reads the marker or speaker label (if any) at the start of a turn. */
export function readMarker(s: string): Marker {
  const blind = CASE_BLIND.test(s);
  if (blind && HEADING.test(s)) return { type: 'heading', speaker: null, skip: s.length };
  const interpreted = blind ? INTERPRETER.exec(s) : null;
  if (interpreted)
    return { type: /\?["”»]?$/.test(s) ? 'none' : 'answer', speaker: null, skip: interpreted[0].length };
  let m = blind ? QUESTION_LABELLED.exec(s) : null;
  if (m) return { type: 'question', speaker: m[1] ?? m[2] ?? null, skip: m[0].length };
  m = QUESTION.exec(s);
  const q = m && questionMarker(m, s);
  if (q) return q;
  m = blind ? ASK_CUE.exec(s) : null;
  if (m && m[0].length < s.length) return { type: 'question', speaker: null, skip: m[0].length };
  m = ANSWER.exec(s) ?? (blind ? NARRATED_A.exec(s) : null);
  if (m && m[0].length < s.length) return { type: 'answer', speaker: null, skip: m[0].length };
  m = blind ? NARRATED_Q.exec(s) : null;
  if (m) return { type: 'question', speaker: null, skip: m[0].length };
  if (isShot(s)) return { type: 'shot', speaker: null, skip: 0 };
  m = blind ? RESPONSE_HEADING.exec(s) : null;
  if (m) return { type: 'question', speaker: null, skip: m[0].length };
  m = SOUNDBITE.exec(s);
  if (m) {
    const n = SOUND_NAME.exec(m[0].replace(/\((?:in|en)\s+\w+\)/gi, ''));
    return { type: 'soundbite', speaker: n ? n[1]!.trim() : null, skip: m[0].length };
  }
  // every label ends in `:` or `.-`: a cheap test before the label patterns (they backtrack
  // through the words of any paragraph that opens with capitals)
  if (!s.includes(':') && !s.includes('.-')) return NONE;
  m = ROLE_LABEL.exec(s);
  if (m) return { type: 'label', speaker: m[1]!.trim(), skip: m[0].length, label: m[1]!.trim() };
  m = LABEL.exec(s);
  if (m) {
    const label = m[1]!.trim();
    return labelMarker(label, m[0].length);
  }
  return NONE;
}
