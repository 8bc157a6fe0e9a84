/** What a turn's own words say about it, beyond its marker: hand-overs and self-introductions. */

/** How an answer opens: yes, no, well, thanks (in other languages only with the comma or stop after). */
export const REPLIES =
  /^(?:(?:yes|no|well|thank you|thanks|look|indeed|of course|let me|first of all)\b|(?:oui|non|merci|ja|nein|danke|doch|sí|gracias|bueno|sì|grazie|beh)[,.!…])/iu;

const THANKS =
  '(?:(?:thank you|thanks|many thanks|merci|danke|ok|okay|good|right|very well|so)\\b[^.!?]{0,40}[.!,]\\s*)*';
const GIVES_FLOOR =
  '(?:next question|(?:the )?(?:first|second|next|last|final) question(?:\\s+(?:goes\\s+)?(?:to|from|is from|comes from)\\b|\\s*,\\s*please|\\s+(?:for|of) (?:today|the day|this press conference))|(?:the )?floor is yours|you have the floor|' +
  'over to you|go ahead(?=[,.!]|\\s*$)|please introduce yourself|(?:we|I) (?:will|can|now)?\\s*(?:now )?(?:take|turn to|move to|open (?:the floor )?(?:for|to)) (?:a few |some |your |the |two |three )?questions|' +
  '(?:we have |there is )?time for (?:a few|one|two|three|some|one more|a last|a final|just one)?\\s*(?:more )?questions?|' +
  '(?:this|that) (?:concludes|ends|closes) (?:the|this|today[’\\x27]s|our) (?:press conference|press point|briefing|session|doorstep)|that is all (?:for|we have)|question suivante|la parole est à|nächste frage)';
/** A moderator's turn: it opens by giving the floor ("Next question, please. Reuters."), perhaps after thanks. */
export const HANDOVER_TURN = new RegExp(`^${THANKS}(?:please,?\\s+)?${GIVES_FLOOR}(?![a-zà-ÿ])`, 'i');

/** A chair who asks the room for more questions: "More questions for Christian?", "D'autres questions ?". */
const ASKS_ROOM =
  /^(?:(?:any|more|other|further)\s+(?:[\p{L}-]+\s+){0,5}(?:questions?|issues|topics)\b|(?:d['’]autres|encore des|plus de) questions\b|(?:weitere|noch|andere) Fragen\b|(?:altre|ulteriori) domande\b|(?:más|otras) preguntas\b)[^.?!]{0,60}\?$/iu;

/** Whether a turn hands the floor over (or asks the room for questions) rather than saying something of its own. */
export const isHandover = (s: string) =>
  s.length < 240 && ((!s.includes('?') && HANDOVER_TURN.test(s)) || ASKS_ROOM.test(s));

const ROLE_ONLY =
  /^(?:the\s+)?(?:spokes(?:person|man|woman)|(?:chief\s+)?spokesperson|president|vice[- ]president|commissioner|minister|chair|moderator|presidency|governor|secretary[- ]general|high representative|hr\/?vp|prime minister|chancellor|speaker|host|présidente?|ministre|porte-parole|sprecher(?:in)?)$/i;

/** A label that names a role but nobody ("Spokesperson", "President"): not a speaker to list. */
export const isBareRole = (name: string) =>
  ROLE_ONLY.test(name.trim().replace(/(?<!\s)\s+(?:of|for)\s+.*$/i, ''));

const TITLE =
  /^(?:Mr|Mrs|Ms|Madam|Madame|Monsieur|Frau|Herr|Dear|President|Commissioner|Minister|High|Vice|Prime|Chancellor|Governor|Executive|Secretary|Ladies|Good|Thank|Thanks|Hello|Hi)\b/;
const PARTICLE = '(?:de|da|di|del|della|van|von|der|den|du|le|la|el|al|bin|ten|ter)';
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
const OUTLET_WORD = "(?:[\\p{Lu}\\d][\\p{L}\\d&'’.-]*|of|de|di|du|del|la|le|der|die|am|and|&|für|the)";
/**
 * A journalist who opens the question with their name and outlet and nothing else in that
 * sentence: "Martin Weber, Handelsblatt.", "Sarah Klein from Reuters.", "Anna Berg (NHK):".
 */
const INTRO = new RegExp(
  `^(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){1,3})\\s*(?:,|\\s+(?:from|with|for)\\s|\\s*[-–—]\\s|\\s*\\()\\s*` +
    `((?:the\\s+)?[\\p{Lu}\\d][\\p{L}\\d&'’.-]*(?:\\s+${OUTLET_WORD}){0,5}?)\\)?\\s*(?:[.]\\s+(?=["“„]?\\p{Lu})|:\\s+)`,
  'u',
);

const ROLE_IN_OUTLET =
  /\b(?:President|Commissioner|Minister|Representative|Chancellor|Governor|Secretary|Spokesperson|Ambassador)\b/;

/** The journalist's self-introduction at the start of a question, if any: who, and where the question starts. */
export function journalistIntro(
  s: string,
  officials: readonly { name: string }[],
): { speaker: string; skip: number } | null {
  if (TITLE.test(s)) return null;
  const m = INTRO.exec(s);
  if (!m || m[0].length >= s.length || ROLE_IN_OUTLET.test(m[2]!)) return null;
  // "Kaja Kallas, High Representative: …" addresses an official
  const surname = m[1]!.split(' ').pop()!;
  if (officials.some((o) => o.name.endsWith(surname))) return null;
  return { speaker: `${m[1]!}, ${m[2]!.replace(/\.$/, '')}`, skip: m[0].length };
}

/** Short words that carry no topic, in the languages of the corpus: an echo must share more than these. */
const FILLER = new Set(
  (
    'the and but for you are was all this that with les des une est que qui mais pour vous ' +
    'der die das und ist sie ein eine mit los las una por con del pero che per una con gli sono'
  ).split(' '),
);
const topicWords = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3 && !FILLER.has(w));

/**
 * Whether a reply takes up the last words of what was said to it at once: its first six words
 * share two words with the prompt's last sentence ("Ma non piace a nessuno." / "Non piace agli
 * estremisti …").
 */
export function takesUp(prompt: string, reply: string): boolean {
  const sentences = prompt.split(/(?<=[.!?…])\s+/);
  const said = new Set(topicWords(sentences[sentences.length - 1]!));
  const opening = topicWords(reply.split(/\s+/).slice(0, 6).join(' '));
  return opening.filter((w) => said.has(w)).length >= 2;
}

/**
 * Words that say a transcript is an interview: a journalist talks with the speaker (the words
 * that share a start share its test: a quarter faster on a page's start).
 */
export const INTERVIEW =
  /\b(?:inter(?:view|vista)|entre(?:tien|vista)|(?:ha|hanno|abbiamo) parlato con|a parlé avec|sprach mit|spricht mit|spoke (?:to|with)|talks? (?:to|with)|habló con|ospite di|invitée? de|zu Gast bei)\b/i;

/** A short question back to the journalist: "Which minister?", "Sorry?", "Welcher Minister?". */
const COUNTER_QUESTION =
  /^(?:which|what|who|whom|sorry|pardon|excuse me|you mean|meaning|quel(?:le)?s?|lequel|laquelle|pardon|welche[rsnm]?|wer|wie bitte|cuál(?:es)?|quién|qué|quale|quali|chi|scusi)\b[^?.!]{0,40}\?$/i;
/** The official who repeats the question about themself: "Did I agree on a — what?", "Am I worried?". */
const ECHO = /^(?:did|do|am|have|was|will|would|should|could|can) I\b[^?.!]{0,60}\?$/i;
/** Whether a short question is the official asking back, which opens the answer ("Which minister?"). */
export function asksBack(s: string): boolean {
  // the patterns first: they fail at once on most paragraphs, which the word count splits whole
  const words = () => s.split(/\s+/).length;
  return (COUNTER_QUESTION.test(s) && words() <= 5) || (ECHO.test(s) && words() <= 10);
}
