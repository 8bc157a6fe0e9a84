import type { App } from '../app.js';
import { nextTryOf } from '../queues/delivery-health.js';
import { deliverQueue } from '../queues/names.js';
import type { DocState } from '../store/doc-status.js';

/** The archives by the names a reader knows. */
export const ARCHIVE_NAMES: Record<string, string> = {
  jsonl: 'JSON Lines',
  pg: 'PostgreSQL',
  webhook: 'the webhook',
};
const named = (sink: string) => ARCHIVE_NAMES[sink] ?? sink;

/** Where one document's record is: the archives that have it, those still retrying, those that refused it. */
export interface Deliveries {
  delivered: string[];
  retrying: string[];
  failed: string[];
  /** Not tried yet (waiting in the sink's queue). */
  pending: string[];
}

/** A document's deliveries, from its status (empty until publish has fanned out). */
export function deliveriesOf(s: DocState | null): Deliveries {
  const d: Deliveries = { delivered: [], retrying: [], failed: [], pending: [] };
  for (const sink of s?.sinks ?? []) {
    const st = s?.stages[deliverQueue(sink)]?.state;
    if (st === 'completed') d.delivered.push(sink);
    else if (st === 'retrying') d.retrying.push(sink);
    else if (st === 'failed') d.failed.push(sink);
    else d.pending.push(sink);
  }
  return d;
}

/**
 * Whether `ingest` can stop waiting for a document: it failed, or every archive has it, or
 * (unless `all`) at least one has it and each other one has either refused it or is retrying.
 */
export function settled(s: DocState | null, all: boolean): boolean {
  if (!s) return false;
  if (s.state === 'published' || s.state === 'failed') return true;
  const d = deliveriesOf(s);
  if (all || !s.sinks?.length) return false;
  return d.delivered.length > 0 && d.pending.length === 0;
}

/** `in JSON Lines and PostgreSQL; the webhook retrying, next try 14:02:10` */
export async function describeDeliveries(app: App, s: DocState): Promise<string> {
  const d = deliveriesOf(s);
  const list = (xs: string[]) => xs.map(named).join(' and ');
  const parts: string[] = [];
  if (d.delivered.length) parts.push(`in ${list(d.delivered)}`);
  for (const sink of d.retrying) {
    const jobId = s.stages[deliverQueue(sink)]?.jobId;
    const queue = app.queues.byName.get(deliverQueue(sink));
    const next = jobId && queue ? await nextTryOf(app.connection, queue, jobId) : null;
    parts.push(`${named(sink)} retrying${next ? `, next try ${next.toTimeString().slice(0, 8)}` : ''}`);
  }
  for (const sink of d.failed)
    parts.push(`${named(sink)} refused it: ${s.stages[deliverQueue(sink)]?.error ?? ''}`);
  if (d.pending.length) parts.push(`${list(d.pending)} not tried yet`);
  return parts.join('; ');
}
