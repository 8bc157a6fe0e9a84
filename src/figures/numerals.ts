import type { Lang } from './lexicon.js';

const GROUP_SEP = /[\u00a0\u202f\u2009]/g;
const SWISS = /^\d{1,3}(?:['’]\d{3})+(?:[.,]\d{1,2})?$/;

/**
 * Reads a digit string with its separators (`73,000`, `2.5`, `1.234,5`, `2,25`, `1 000`)
 * as a number. English paragraphs use `,` for thousands and `.` for decimals; French,
 * German and Dutch the other way round. Returns null for strings that are no amount
 * (`18.2.2016`, `1,2,3`).
 */
export function parseDigits(raw: string, lang: Lang): number | null {
  // Swiss thousands (`1'234'000`, `1’234.50`): the apostrophes group, a point or comma is the decimal
  if (SWISS.test(raw)) return Number(raw.replace(/['’]/g, '').replace(',', '.'));
  if (raw.includes("'") || raw.includes('’')) return null;
  const s = raw.replace(GROUP_SEP, ' ');
  const parts = s.split(/[.,\s]/);
  if (parts.length === 1) return Number(s);
  const seps = s.replace(/\d+/g, '');
  const first = parts[0]!;
  const rest = parts.slice(1);
  const grouped = first.length <= 3 && first.length > 0 && rest.every((p) => p.length === 3);
  const kinds = new Set(seps);
  if (kinds.size === 1) {
    const sep = seps[0]!;
    if (sep === ' ') return grouped ? Number(parts.join('')) : null;
    if (seps.length > 1) return grouped ? Number(parts.join('')) : null;
    // one separator: thousands only when three digits follow and the language writes it so
    const thousands = grouped && first !== '0' && (sep === ',' ? lang === 'en' : lang !== 'en');
    return thousands ? Number(parts.join('')) : Number(`${first}.${rest[0]}`);
  }
  // two kinds: the last separator is the decimal one, the others group thousands
  const last = seps[seps.length - 1]!;
  const lastAt = s.lastIndexOf(last);
  const intPart = s.slice(0, lastAt);
  const intGroups = intPart.split(/[.,\s]/);
  if (intPart.includes(last)) return null;
  if (!(intGroups[0]!.length <= 3 && intGroups.slice(1).every((p) => p.length === 3))) return null;
  return Number(`${intGroups.join('')}.${s.slice(lastAt + 1)}`);
}
