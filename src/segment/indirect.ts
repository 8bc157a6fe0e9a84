/**
 * Questions a live blog or a news story reports in indirect speech, without a question mark:
 * `A reporter asks whether the talks will resume.`, `Halvorsen is asked about the vote. He says …`,
 * `Asked whether he trusts the minister, Halvorsen says …`, `Un journaliste demande si …`,
 * `Auf die Frage, ob …, sagt er …`.
 */
import type { Item, Piece } from './cues.js';
import { sentenceStarts, sub, type Span } from './spans.js';

const JOURNALIST =
  '(?:reporter|journalist|correspondent|journaliste|correspondante?|Journalist(?:in)?|Reporter(?:in)?|Korrespondent(?:in)?|giornalista|cronista|periodista|reporter[oa])';
/** Who asks, then the verb: `A reporter from Radio Nord asks`, `Une journaliste demande`, `Ein Reporter will wissen`. */
const SOMEONE_ASKS = new RegExp(
  `^(?:(?:A|An|Another|One|The|Un|Une|Autre|Ein|Eine|Uno|Una|Otro|Otra)\\s+)(?:\\p{L}+\\s+){0,2}${JOURNALIST}\\b[^.?!]{0,60}?\\s` +
    '(?:asks|asked|wants to know|wanted to know|demande|veut savoir|interroge|fragt|will wissen|möchte wissen|erkundigt sich|chiede|domanda|vuole sapere|pregunta|quiere saber)\\b' +
    // "A journalist asked me once …" is the speaker's story, not a question in the room
    '(?!\\s+(?:me|us|mich|uns|moi|nous|mi|ci)\\b)',
  'u',
);
/** The official is asked: `Halvorsen is asked about …`, `She was asked whether …`. */
const IS_ASKED =
  /^(?:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}|He|She)\s+(?:is|was|gets|got)\s+asked\s+(?:whether|if|about|why|how|what|when|where|who|which)\b/u;
/** A sentence that opens on the question it reports, then gives the reply: `Asked whether …, Halvorsen says …`. */
const ASKED_THEN =
  /^(?:(?:Asked|Pressed|Questioned)(?:\s+by\s+[^,]{1,50}?)?\s+(?:whether|if|about|why|how|what|when|where|on)\b|(?:Interrogée?|Questionnée?)\s+sur\b|À la question (?:de savoir )?(?:si|sur)\b|Auf die Frage\b|(?:Gefragt|Befragt),?\s+(?:ob|nach|wie|warum|was|wann)\b|Alla domanda\b|(?:Interpellat|Interrogat)[oa]\s+su\b|A la pregunta\b|Preguntad[oa]\s+(?:por|si|sobre)\b)/u;
/** Where the reply starts in such a sentence: `, Halvorsen says`, `, sagt er`, `, il répond que`. */
const REPLY_CLAUSE =
  /,\s+(?=(?:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}|he|she|il|elle|er|sie|lui|lei|él|ella)\s+(?:says|said|replies|replied|answers|answered|insists|insisted|dit|répond|a répondu|explique|sagt|antwortet|erklärt|meint|dice|risponde|spiega|dijo|responde|afirma|explicó)\b)|,\s+(?=(?:sagt|antwortet|erklärt|meint)\s+(?:er|sie|\p{Lu}))/u;

/**
 * Cuts a paragraph that opens on a question reported in indirect speech into the question and
 * the reply that follows in the same paragraph (if any). Null when it reports no such question.
 */
export function cutIndirect(p: Span): Piece[] | null {
  const t = p.text;
  if (ASKED_THEN.test(t)) {
    const starts = sentenceStarts(t);
    const first = t.slice(0, starts[1] ?? t.length);
    const r = REPLY_CLAUSE.exec(first);
    if (!r) return null;
    const at = r.index + r[0].length;
    return [
      { ...sub(p, 0, r.index + 1), cue: 'asked' },
      { ...sub(p, at, t.length), cue: 'answer' },
    ];
  }
  // `IS_ASKED` only where "asked" is: a cheap test before it (it reads the first words of any paragraph)
  if (!SOMEONE_ASKS.test(t) && !(t.includes('asked') && IS_ASKED.test(t))) return null;
  const starts = sentenceStarts(t);
  if (starts.length < 2) return [{ ...p, cue: 'asked' }];
  return [
    { ...sub(p, 0, starts[1]!), cue: 'asked' },
    { ...sub(p, starts[1]!, t.length), cue: 'answer' },
  ];
}

/** The questions in indirect speech that open unmarked paragraphs, cut from their replies. */
export function cutIndirectQuestions(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none' || it.p.cue || it.p.text.includes('?')) continue;
    const pieces = cutIndirect(it.p);
    if (!pieces) continue;
    items.splice(k, 1, ...pieces.map((p) => ({ p, m: it.m })));
    k += pieces.length - 1;
  }
}
