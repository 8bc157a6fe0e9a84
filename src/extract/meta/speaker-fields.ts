import { cleanName, isPersonName, NAME_SOURCE } from './speakers.js';

/** A field that lists who speaks, in the sources' languages: `Speakers:`, `With:`, `Intervenants :`, `Mit:`, `Ponentes:`. */
const LABEL =
  '(?:speakers?|speaking|participants?|panel(?:l?ists)?|featuring|guests?|with|intervenant(?:e)?s?|orateurs?|avec|mit|redner(?:innen)?|teilnehmer(?:innen)?|sprecher(?:innen)?|gäste|con|ponentes|intervinientes|participantes|oradores|relatori|partecipanti|intervengono|ospiti|sprekers|deelnemers|met|com)';
/** The field with its names on the same line: "Speakers: Anna Berg (…), Eva Lind". */
const INLINE = new RegExp(`^${LABEL}\\s*:\\s*(\\S.*)$`, 'iu');
/** The field's label alone, the names on the lines below ("Speakers:", "Participants"). */
const ALONE = new RegExp(`^${LABEL}\\s*:?$`, 'iu');
/** Labels too common as words to open a block of names without a colon. */
const WORD_LABEL = /^(?:with|avec|mit|con|met|com|speaking)$/i;
const LEADING_NAME = new RegExp(`^(${NAME_SOURCE})(?=\\s*(?:$|[,;(–—-]|\\s(?:and|et|und|y|e|en)\\s))`, 'u');

/** The person a part of the list names first ("Anna Berg, Minister of …", "• Eva Lind (Council)"), or null. */
function nameIn(part: string): string | null {
  const m = LEADING_NAME.exec(part.replace(/^[•·▪◦*–-]\s*/, '').trim());
  const n = m ? cleanName(m[1]!) : null;
  return n && n.includes(' ') && isPersonName(n) ? n : null;
}

/** Whether a header line is a field that lists speakers (it names nobody else and is no title). */
export const isSpeakersField = (line: string) => INLINE.test(line) || ALONE.test(line);

/**
 * The people a `Speakers:` field names: inline (split at `;`, or else at commas and `and`, each part
 * opening with a name and maybe its role) or as a block of lines under the label, one person each.
 */
export function speakersFromFields(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const inline = INLINE.exec(line);
    if (inline) {
      const list = inline[1]!.replace(/\([^()]{0,200}\)/g, '');
      const parts = list.includes(';') ? list.split(';') : list.split(/,|\s(?:and|et|und|y|e|en)\s/);
      for (const p of parts) {
        const n = nameIn(p);
        if (n) out.push(n);
      }
      continue;
    }
    const alone = ALONE.exec(line);
    if (!alone || WORD_LABEL.test((line.endsWith(':') ? line.slice(0, -1) : line).trimEnd())) continue;
    for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
      const n = nameIn(lines[j]!);
      if (!n) break;
      out.push(n);
    }
  }
  return out;
}
