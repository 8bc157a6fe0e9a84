import type { FigureChange, FigureRef } from '../schemas/change.js';
import type { Figure } from '../schemas/record.js';
import { align } from './pair.js';
import { foldTypography } from './typography.js';

const refOf = (f: Figure): FigureRef => ({
  kind: f.kind,
  value: f.value,
  valueMax: f.valueMax,
  unit: f.unit,
  item: f.item,
  text: f.text,
});

/** What a figure is about: its kind, unit and item. A changed figure keeps these and changes its value. */
const subject = (f: Figure): string => `${f.kind}\u0000${f.unit ?? ''}\u0000${(f.item ?? '').toLowerCase()}`;

/** The same figure in both versions: same subject, same value (its wording may differ in typography only). */
const sameFigure = (a: Figure, b: Figure): boolean =>
  subject(a) === subject(b) &&
  a.value === b.value &&
  a.valueMax === b.valueMax &&
  a.approx === b.approx &&
  foldTypography(a.text) === foldTypography(b.text);

/**
 * Figures added, removed, or whose value changed, matched by position and item: both lists
 * in text order are aligned on equal figures, and in each stretch between two matches a removed
 * figure pairs with the next added one about the same thing (kind, unit, item): `€1.5 billion
 * → €1.2 billion`. A figure only reworded in typography is no change.
 */
export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const order = (fs: readonly Figure[]) => [...fs].sort((a, b) => a.start - b.start);
  const changes: FigureChange[] = [];
  for (const s of align(order(before), order(after), sameFigure, (a, b) => subject(a) === subject(b))) {
    if (s.op === 'removed') changes.push({ op: 'removed', before: refOf(s.before), after: null });
    else if (s.op === 'added') changes.push({ op: 'added', before: null, after: refOf(s.after) });
    else if (s.op === 'changed') {
      const valueSame =
        s.before.value === s.after.value &&
        s.before.valueMax === s.after.valueMax &&
        s.before.approx === s.after.approx;
      // Same value, other wording ("1.5 billion" → "1,500 million"): no change to report.
      if (!valueSame) changes.push({ op: 'changed', before: refOf(s.before), after: refOf(s.after) });
    }
  }
  return changes;
}
