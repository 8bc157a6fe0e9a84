import { diffRecords } from '../changes/index.js';
import type { VersionHistory } from '../changes/history.js';
import { linkRecord, type LinkIndex } from '../links/index.js';
import type { PressRecord } from '../schemas/record.js';

/** What annotating a record needs: the previous versions and the index of copies. */
export interface AnnotateDeps {
  history: VersionHistory;
  links: LinkIndex;
}

/**
 * Before publishing: what changed since the previous version of this record (`changes`), and
 * which other records are the same remarks (`sameAs`, the canonical one first). Both fields
 * are left out when empty. Pure but for the two stores it is given.
 */
export async function annotate(record: PressRecord, deps: AnnotateDeps): Promise<PressRecord> {
  const previous = await deps.history.previousOf(record);
  const changes = previous ? diffRecords(previous, record) : null;
  const { sameAs } = await linkRecord(deps.links, {
    id: record.id,
    site: record.source.site,
    text: record.text,
  });
  const plain: PressRecord = { ...record };
  delete plain.changes;
  delete plain.sameAs;
  return { ...plain, ...(sameAs.length ? { sameAs } : {}), ...(changes ? { changes } : {}) };
}
