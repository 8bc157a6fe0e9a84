/** A journalist who asks a question: a name, an outlet, or both, as the transcript gives them. */
export interface Journalist {
  name: string | null;
  outlet: string | null;
}

/** A person's name: two to four capitalised words, particles allowed (`Anna van der Berg`). */
const PERSON =
  /^\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:de|da|di|van|von|der|den|du|le|la|del|dos)\s+)*\p{Lu}[\p{Ll}'’-]+){1,3}$/u;

/** Words that name a news organisation, not a person (`Agence Europe`, `Radio Nord`, `Politico`). */
const OUTLET_WORD =
  /\b(?:agence|agency|press|presse|news|nachrichten|radio|tv|television|télévision|fernsehen|times|post|journal|gazette|herald|tribune|daily|zeitung|rundfunk|rundschau|monde|figaro|corriere|repubblica|país|mundo|stampa|reuters|bloomberg|politico|euronews|euractiv|europe|channel|broadcasting|media|magazine|review|wire|network|kurier|standard|spiegel|welt|dpa|afp|ansa|efe|ap|bbc|cnn|ard|zdf|rai|rtve|rtl|orf|npo|vrt|rtbf|ert|lusa|pap|ctk|bta|tass|nhk|cctv)\b/i;

/**
 * The journalist a question's label names: `Laura Schmidt, Reuters` and `Laura Schmidt (Reuters)`
 * give both; a label that reads as a news organisation (an acronym, or a word such as `Agence`,
 * `Radio`, `Times`) is the outlet; any other personal name is the name. Null without a label.
 */
export function journalistOf(label: string | null): Journalist | null {
  const text = label?.trim();
  if (!text) return null;
  const paren = /^(.+?)(?<!\s)\s*\(([^()]+)\)$/.exec(text);
  const comma = paren ? null : /^([^,]+),\s*(.+)$/.exec(text);
  const pair = paren ?? comma;
  if (pair) {
    const [left, right] = [pair[1]!.trim(), pair[2]!.trim()];
    if (PERSON.test(left) && !OUTLET_WORD.test(left)) return { name: left, outlet: right };
    if (PERSON.test(right) && !OUTLET_WORD.test(right)) return { name: right, outlet: left };
    return { name: null, outlet: text };
  }
  if (PERSON.test(text) && !OUTLET_WORD.test(text)) return { name: text, outlet: null };
  return { name: null, outlet: text };
}

/**
 * The journalist of a question segment: its `speaker`, or, when the label written before the
 * turn says more (`Laura Schmidt, Reuters:` where `speaker` kept `Laura Schmidt`), that label.
 * `before` is the text between the previous segment and this one, where the label stands.
 */
export function journalistOfQuestion(speaker: string | null, before: string): Journalist | null {
  if (speaker) {
    const label = (before.split('\n').pop() ?? '').trim().replace(/(?<!\s)\s*[:：–-]$/, '');
    const rest = label.startsWith(speaker) ? label.slice(speaker.length) : '';
    if (/^\s*(?:,|\()/.test(rest)) return journalistOf(label);
  }
  return journalistOf(speaker);
}
