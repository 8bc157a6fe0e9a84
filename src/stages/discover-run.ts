import { randomUUID } from 'node:crypto';
import { PermanentError } from '../errors.js';
import type { HttpClient } from '../fetch/http.js';
import type { EnqueueOutcome, Input } from '../inputs.js';
import type { Logger } from '../logger.js';
import { planDiscovery } from './discover.js';
import type { RecheckStore } from '../store/recheck-store.js';
import type { SeenStore } from '../store/seen-store.js';
import { listSource, type ListingPage } from '../sources/listers.js';
import type { ListingValidators, Validators } from '../store/listing-cache.js';
import type { DiscoveredItem } from '../sources/item.js';
import type { SourceConfig } from '../sources/schema.js';

/** What a discovery run needs, passed in: the client, the stores it reads and writes, where fetch jobs go. */
export interface DiscoveryDeps {
  client: HttpClient;
  seen: Pick<SeenStore, 'get' | 'mark'>;
  /** Validators of listing pages; null asks unconditionally (a backfill). */
  listings: Pick<ListingValidators, 'get' | 'putAll'> | null;
  /** What the source re-checks; absent or null re-checks nothing (a backfill). */
  recheck?: Pick<RecheckStore, 'track' | 'due' | 'checked'> | null;
  /** Queues a fetch job (the queue's producer, in a worker). */
  enqueue(input: Input): Promise<EnqueueOutcome>;
  now: () => Date;
  log: Logger;
}

export interface DiscoveryResult {
  /** Items the source listed (after merging listing and sitemap). */
  found: number;
  queued: number;
  unchanged: number;
  filtered: number;
  /** Listing pages answered 304. */
  notModified: number;
  /** Documents seen before, within the source's `recheckDays`, asked for again (conditionally). */
  rechecked: number;
}

const DAY_MS = 86_400_000;

/**
 * One discovery run of one source: list its items (conditionally), keep the new and the
 * changed ones (seen-store), queue a fetch job for each (job id = record id + version),
 * and remember each queued item's version. A listing that cannot be reached throws.
 */
export async function runDiscovery(
  source: SourceConfig,
  deps: DiscoveryDeps,
  window?: { from: string; to: string },
): Promise<DiscoveryResult> {
  const pending = new Map<string, Validators>();
  let notModified = 0;
  const get = async (url: string, accept: string): Promise<ListingPage> => {
    const known = deps.listings ? await deps.listings.get(url) : null;
    try {
      // No per-try log: an unreachable source is reported once, by the discover worker.
      const res = await deps.client.get(url, {
        allowPrivate: source.allowPrivate,
        accept,
        etag: known?.etag,
        lastModified: known?.lastModified,
      });
      if (res.notModified) {
        notModified++;
        return { status: 'not-modified', text: '' };
      }
      if (res.etag || res.lastModified) pending.set(url, { etag: res.etag, lastModified: res.lastModified });
      return { status: 'ok', text: res.bytes.toString('utf8') };
    } catch (err) {
      const status = err instanceof PermanentError ? err.details.status : undefined;
      if (status === 404 || status === 410) return { status: 'missing', text: '' };
      throw err;
    }
  };
  const items = await listSource(source, {
    get,
    window,
    today: deps.now().toISOString().slice(0, 10),
    backfill: Boolean(window),
  });
  const seen = await deps.seen.get([...new Set(items.map((i) => i.docId))]);
  const plan = planDiscovery(items, seen, source.filters);
  let queued = 0;
  for (const item of plan.toFetch) {
    const outcome = await deps.enqueue(fetchInput(source, item, item.version ?? item.url, item.version));
    if (outcome === 'queued' || outcome === 'retried') queued++;
    await deps.seen.mark(item.docId, item.version, deps.now());
  }
  const rechecked = await recheckSeen(source, deps, plan.toFetch);
  await deps.listings?.putAll(pending);
  const found = new Set(items.filter((i) => !i.knownOnly).map((i) => i.docId)).size;
  return { found, queued, unchanged: plan.unchanged, filtered: plan.filtered, notModified, rechecked };
}

/** The fetch job of one item; `variant` is part of its job id. */
function fetchInput(
  source: SourceConfig,
  item: Pick<DiscoveredItem, 'docId' | 'url' | 'site' | 'title'>,
  variant: string,
  /** The version the job carries (the listing's, or the re-check's). */
  version: string | null,
): Input {
  return {
    label: `${source.name}: ${item.title ?? item.url}`,
    variant,
    job: {
      docId: item.docId,
      traceId: randomUUID(),
      stages: {},
      target: {
        kind: 'url',
        url: item.url,
        site: item.site,
        source: source.name,
        ...(source.allowPrivate ? { allowPrivate: true } : {}),
        ...(version ? { variant: version } : {}),
      },
    },
  };
}

/**
 * Re-checks what the source saw: the items just queued join the line, and the
 * `recheckBatch` longest-unchecked documents first seen within `recheckDays` (and not
 * checked within `recheckEvery`) are queued again. Their fetch asks with the stored
 * ETag/Last-Modified: a 304 or the same bytes end there, a change becomes a new version.
 * A run never queues more than its batch, and the per-host limiter spaces the requests.
 */
async function recheckSeen(
  source: SourceConfig,
  deps: DiscoveryDeps,
  queuedNow: readonly DiscoveredItem[],
): Promise<number> {
  if (!deps.recheck || source.recheckDays === 0) return 0;
  const now = deps.now();
  const windowMs = source.recheckDays * DAY_MS;
  await deps.recheck.track(
    source.name,
    queuedNow.map((i) => ({ docId: i.docId, url: i.url, site: i.site, firstSeen: now.getTime() })),
    now,
  );
  const fresh = new Set(queuedNow.map((i) => i.docId));
  const due = (
    await deps.recheck.due(source.name, {
      now,
      windowMs,
      everyMs: source.recheckEvery,
      limit: source.recheckBatch,
    })
  ).filter((i) => !fresh.has(i.docId));
  let rechecked = 0;
  for (const item of due) {
    const variant = `recheck:${now.toISOString()}`;
    const outcome = await deps.enqueue(fetchInput(source, { ...item, title: null }, variant, variant));
    if (outcome === 'queued' || outcome === 'retried') rechecked++;
  }
  await deps.recheck.checked(
    source.name,
    due.map((i) => i.docId),
    now,
  );
  return rechecked;
}
