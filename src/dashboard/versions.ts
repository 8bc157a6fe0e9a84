import type { App } from '../app.js';
import { diffRecords } from '../changes/index.js';
import { copiesOfIndexed, type Copy } from '../links/index.js';
import type { RecordChange } from '../schemas/change.js';
import type { PressRecord } from '../schemas/record.js';
import type { DocState } from '../store/doc-status.js';

/** A document's last two versions and what changed between them (null before a second version). */
export interface VersionsView {
  current: PressRecord;
  previous: PressRecord;
  change: RecordChange;
}

/** The two last versions of a record kept for diffing, and their change; null with fewer than two. */
export async function versionsOf(app: App, id: string): Promise<VersionsView | null> {
  const [current, previous] = await app.stores.versions.versions(id);
  if (!current || !previous) return null;
  const change = diffRecords(previous, current);
  return change ? { current, previous, change } : null;
}

/** The other records that are the same remarks (from the link index), most alike first. */
export const copiesOf = (app: App, id: string): Promise<Copy[]> => copiesOfIndexed(app.stores.links, id);

/**
 * Search results with one row per remarks: a document whose copy is already listed is folded
 * into that row. With `significant`, only documents whose last change is significant. Returns the
 * documents kept and how many copies were folded.
 */
export async function foldCopies(
  app: App,
  docs: readonly DocState[],
  opts: { significant?: boolean } = {},
): Promise<{ docs: DocState[]; folded: number }> {
  const listed = new Set<string>();
  const kept: DocState[] = [];
  let folded = 0;
  for (const doc of docs) {
    if (opts.significant && !(await versionsOf(app, doc.docId))?.change.significant) continue;
    const copies = await copiesOf(app, doc.docId);
    if (copies.some((c) => listed.has(c.id))) {
      folded++;
      continue;
    }
    listed.add(doc.docId);
    kept.push(doc);
  }
  return { docs: kept, folded };
}
