import type { EnqueueOutcome, Input } from '../inputs.js';
import type { DiscoveredItem } from '../sources/item.js';
import type { SourceConfig } from '../sources/schema.js';
import type { RecheckStore } from '../store/recheck-store.js';
import { fetchInput } from './discover.js';

const DAY_MS = 86_400_000;

/** What a re-check needs: the store of what each source saw, where fetch jobs go, the clock. */
export interface RecheckDeps {
  recheck?: Pick<RecheckStore, 'track' | 'due' | 'checked'> | null;
  enqueue(input: Input): Promise<EnqueueOutcome>;
  now: () => Date;
}

/**
 * Re-checks what a source saw, after its run queued `queuedNow`: those join the line, and
 * the `recheckBatch` longest-unchecked documents first seen within `recheckDays` (and not
 * checked within `recheckEvery`) are queued again. Their fetch sends the stored ETag and
 * Last-Modified: a 304 or the same bytes end there, other bytes become a new version in
 * every archive. A run never queues more than its batch, so a run never bursts; the
 * per-host limiter spaces the requests. Returns how many were queued.
 */
export async function recheckSeen(
  source: SourceConfig,
  deps: RecheckDeps,
  queuedNow: readonly DiscoveredItem[],
): Promise<number> {
  if (!deps.recheck || source.recheckDays === 0) return 0;
  const now = deps.now();
  await deps.recheck.track(
    source.name,
    queuedNow.map((i) => ({ docId: i.docId, url: i.url, site: i.site, firstSeen: now.getTime() })),
    now,
  );
  const fresh = new Set(queuedNow.map((i) => i.docId));
  const due = (
    await deps.recheck.due(source.name, {
      now,
      windowMs: source.recheckDays * DAY_MS,
      everyMs: source.recheckEvery,
      limit: source.recheckBatch,
    })
  ).filter((i) => !fresh.has(i.docId));
  const variant = `recheck:${now.toISOString()}`;
  let queued = 0;
  for (const item of due) {
    const outcome = await deps.enqueue(fetchInput(source, { ...item, title: null }, variant, variant));
    if (outcome === 'queued' || outcome === 'retried') queued++;
  }
  await deps.recheck.checked(
    source.name,
    due.map((i) => i.docId),
    now,
  );
  return queued;
}
