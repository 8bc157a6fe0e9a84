import { sha256 } from '../ids.js';
import type { RecordChange } from '../schemas/change.js';
import type { PressRecord } from '../schemas/record.js';

/** The CloudEvents `type` of a published record version. */
export const RECORD_PUBLISHED = 'eu.pressline.record.published';

/** The CloudEvents `type` of what changed in a record since its previous version. */
export const RECORD_CHANGED = 'eu.pressline.record.changed';

/** A CloudEvents 1.0 event in structured JSON mode, carrying one record as `data`. */
export interface RecordEvent {
  specversion: '1.0';
  type: typeof RECORD_PUBLISHED;
  source: string;
  id: string;
  /** The record's id: lets a receiver route or filter without reading `data`. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Extension attribute: the record's version (sha256 of its text). */
  recordversion: string;
  data: PressRecord;
}

/**
 * The event id of one record version: the same on every retry and every re-publish of that
 * version, different for any other. Receivers deduplicate on it (it is also `webhook-id`).
 */
export const eventIdFor = (record: Pick<PressRecord, 'id' | 'version'>): string =>
  `msg_${sha256(`${record.id}\u0000${record.version}`).slice(0, 32)}`;

/** The `source` attribute: which Pressline site adapter produced the record. */
export const eventSourceFor = (record: PressRecord): string => `urn:pressline:${record.source.site}`;

/**
 * Wraps a record as a CloudEvent. Every attribute derives from the record, so the same
 * version always gives the same event (byte for byte once serialised): `time` is when the
 * record's pipeline last stamped it, else when its source was fetched.
 */
export function toCloudEvent(record: PressRecord): RecordEvent {
  const stamps = Object.values(record.pipeline.stages).sort();
  return {
    specversion: '1.0',
    type: RECORD_PUBLISHED,
    source: eventSourceFor(record),
    id: eventIdFor(record),
    subject: record.id,
    time: stamps[stamps.length - 1] ?? record.source.fetchedAt,
    datacontenttype: 'application/json',
    recordversion: record.version,
    data: record,
  };
}

/** The `data` of a `record.changed` event: which record and versions, where, and what changed. */
export interface ChangeData {
  id: string;
  version: string;
  url: string | null;
  title: string | null;
  changes: RecordChange;
}

/** A `record.changed` CloudEvent: same attributes as the published one, its own id and type. */
export interface ChangeEvent extends Omit<RecordEvent, 'type' | 'data'> {
  type: typeof RECORD_CHANGED;
  /** Extension attribute: whether the change is significant (a figure changed, a question removed). */
  significant: boolean;
  data: ChangeData;
}

/** The event id of one version's change: stable across retries, distinct from its published event. */
export const changeEventIdFor = (record: Pick<PressRecord, 'id' | 'version'>): string =>
  `msg_${sha256(`changed\u0000${record.id}\u0000${record.version}`).slice(0, 32)}`;

/** The `record.changed` event of a record that has `changes`; null for a first version. */
export function toChangeEvent(record: PressRecord): ChangeEvent | null {
  if (!record.changes) return null;
  const { type: _t, data: _d, ...attrs } = toCloudEvent(record);
  return {
    ...attrs,
    type: RECORD_CHANGED,
    id: changeEventIdFor(record),
    significant: record.changes.significant,
    data: {
      id: record.id,
      version: record.version,
      url: record.source.url,
      title: record.meta.title,
      changes: record.changes,
    },
  };
}
