import type { Speaker } from '../schemas/record.js';
import { addSpeaker, cleanName } from '../extract/meta/speakers.js';

const LEADING_ROLE =
  /^(?:(?:the\s+)?(?:high\s+representative(?:\s*\/\s*vice[- ]president)?|hr\/vp|vice[- ]president|executive\s+vice[- ]president|president|prime\s+minister|foreign\s+minister|minister|secretary(?:\s+of\s+state)?|secretary[- ]general|commissioner|chancellor|spokesperson|governor|ambassador|mr|mrs|ms|madam|dr|le\s+président\s+de\s+la\s+république|le\s+président|la\s+présidente)\.?\s+)+/i;

const titleCase = (s: string) =>
  s === s.toUpperCase()
    ? s
        .toLowerCase()
        .replace(/(^|[\s\-’'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
        .replace(/\b(Von|Van|Der|Den|De|Di|Da|Du)\b(?=\s)/g, (w) => w.toLowerCase())
    : s;

/**
 * A label as written ("PRESIDENT VON DER LEYEN", "Christine Lagarde, President of the ECB") →
 * name and role; a surname alone ("HR/VP Kallas:", "de Guindos:") takes the full name of a known speaker.
 */
export function labelToSpeaker(label: string, known: readonly Speaker[] = []): Speaker {
  const main = titleCase(
    label
      .replace(/(?<!\s)\s*\([^()]*\)\s*$/, '')
      .split(',')[0]!
      .trim(),
  );
  const role = LEADING_ROLE.exec(main);
  const name = role ? main.slice(role[0].length).trim() : main;
  // what follows the first comma (`label.split(',').slice(1).join(',')`, without the split)
  const after = label.includes(',') ? label.slice(label.indexOf(',') + 1).trim() : '';
  const full = name ? known.find((k) => k.name.endsWith(` ${name}`))?.name : undefined;
  return {
    name: full ?? (name || main),
    role: role ? titleCase(role[0].trim()) : after ? titleCase(after) : null,
  };
}

const VOCATIVE =
  /^(?:(?:Ms|Mr|Mrs|Frau|Herr|Madame|Monsieur|Dr|Madam)\.?\s+(?!(?:High|Vice|Prime|President|Présidente?|Präsident(?:in)?|Commissioner|Minister|Ministerin|Ministre|Chancellor|Governor|Secretary|Chair|Spokesperson|Ambassador|Executive|le|la|Bundeskanzler(?:in)?)\b)(\p{Lu}[\p{L}'’-]+)|(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+),\s+(?:you|vous|Sie)\b)/u;

/** The official a question addresses by name ("Ms. Metsola, …", "Frau Kallas, …", "Kaja Kallas, you …"). */
export function addressee(question: string): string | null {
  const m = VOCATIVE.exec(question);
  if (!m) return null;
  return cleanName(m[1] ?? m[2]!);
}

/** The one known speaker whose role is the role a label names ("The President of the Republic" → the President). */
export function roleHolder(label: string, known: readonly Speaker[]): string | null {
  const role = /\b(president|minister|chancellor|commissioner|spokesperson|representative|secretary)\b/i.exec(
    label,
  )?.[1];
  if (!role) return null;
  const holders = known.filter(
    (k) =>
      k.role &&
      new RegExp(`\\b${role}\\b`, 'i').test(k.role) &&
      !/vice/i.test(k.role) === !/vice/i.test(label),
  );
  return holders.length === 1 ? holders[0]!.name : null;
}

export { addSpeaker };
