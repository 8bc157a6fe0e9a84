import type { FigureChange, MetaChange, RecordChange } from '../schemas/change.js';
import type { PressRecord } from '../schemas/record.js';
import { diffExchanges } from './exchanges.js';
import { diffFigures } from './figures.js';
import { diffMeta } from './meta.js';
import { diffText } from './text.js';

export { diffText, diffWords, paragraphsOf } from './text.js';
export { diffFigures } from './figures.js';
export { diffExchanges, questionsOf } from './exchanges.js';
export { diffMeta } from './meta.js';
export { foldTypography } from './typography.js';

type Versioned = Pick<PressRecord, 'version' | 'text' | 'meta' | 'segments' | 'exchanges' | 'figures'>;

const shown = (f: NonNullable<FigureChange['before']>): string => JSON.stringify(f.text);

/** The reasons a change is significant, in words: each figure changed, added or removed, each question removed. */
function reasonsOf(change: Pick<RecordChange, 'figures' | 'exchanges'>): string[] {
  const reasons = change.figures.map((f) =>
    f.op === 'changed'
      ? `figure changed: ${shown(f.before!)} → ${shown(f.after!)}`
      : f.op === 'added'
        ? `figure added: ${shown(f.after!)}`
        : `figure removed: ${shown(f.before!)}`,
  );
  for (const e of change.exchanges)
    if (e.op === 'removed') reasons.push(`question removed: ${JSON.stringify(e.before!.slice(0, 120))}`);
  return reasons;
}

/**
 * What changed from `before` to `after`, two versions of one record: paragraphs (word-level
 * inside a changed one), figures, Q&A exchanges and metadata. Null when the versions are the
 * same. Pure: the caller finds the previous version.
 */
export function diffRecords(before: Versioned, after: Versioned): RecordChange | null {
  if (before.version === after.version) return null;
  const figures = diffFigures(before.figures, after.figures);
  const exchanges = diffExchanges(before, after);
  const reasons = reasonsOf({ figures, exchanges });
  const meta = diffMeta(before.meta, after.meta);
  return {
    from: before.version,
    significant: reasons.length > 0,
    reasons,
    text: diffText(before.text, after.text),
    figures,
    exchanges,
    meta,
    warning: identityWarning(meta),
  };
}

/** A new version whose title or date changed may be another document under the same id. */
function identityWarning(meta: readonly MetaChange[]): string | null {
  const fields = meta.filter((m) => m.field === 'title' || m.field === 'date').map((m) => m.field);
  return fields.length
    ? `the ${fields.join(' and the ')} changed: check that this is a new version of the same document, not another one under its id`
    : null;
}
