import { PermanentError, PresslineError } from '../errors.js';
import type { HttpClient } from '../fetch/http.js';
import type { EnqueueOutcome, Input } from '../inputs.js';
import type { Logger } from '../logger.js';
import type { DiscoveredItem } from '../sources/item.js';
import { fetchInput, planDiscovery } from './discover.js';
import { recheckSeen, type RecheckDeps } from './recheck.js';
import type { SeenStore } from '../store/seen-store.js';
import { listSource, type ListingPage } from '../sources/listers.js';
import type { ListingValidators, Validators } from '../store/listing-cache.js';
import type { SourceConfig } from '../sources/schema.js';

/** What a discovery run needs, passed in: the client, the stores it reads and writes, where fetch jobs go. */
export interface DiscoveryDeps {
  client: HttpClient;
  seen: Pick<SeenStore, 'get' | 'mark'>;
  /** Validators of listing pages; null asks unconditionally (a backfill). */
  listings: Pick<ListingValidators, 'get' | 'putAll'> | null;
  /** What the source re-checks; absent or null re-checks nothing (a backfill). */
  recheck?: RecheckDeps['recheck'];
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
  /** Items that could not be queued this run (tried again on the next one), and listed links that are not URLs. */
  skipped: number;
  /** Why the first skipped item was skipped: `code: message (url)`. */
  warning: string | null;
}

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
  const badLinks: string[] = [];
  const items = await listSource(source, {
    get,
    window,
    today: deps.now().toISOString().slice(0, 10),
    backfill: Boolean(window),
    badLink: (href) => badLinks.push(href),
  });
  if (badLinks.length)
    deps.log.warn(
      { source: source.name, links: badLinks.slice(0, 10) },
      'listed links that are not URLs skipped',
    );
  const seen = await deps.seen.get([...new Set(items.map((i) => i.docId))]);
  const plan = planDiscovery(items, seen, source.filters);
  let queued = 0;
  const skipped: { url: string; err: unknown }[] = [];
  const marked: DiscoveredItem[] = [];
  for (const item of plan.toFetch) {
    try {
      queued += await queueItem(source, item, deps);
      marked.push(item);
    } catch (err) {
      // One bad item must not cost the source its other items; it is not marked seen, so the
      // next run tries it again.
      skipped.push({ url: item.url, err });
      deps.log.warn({ source: source.name, url: item.url, err }, 'discovered item skipped');
    }
  }
  // Nothing could be queued at all: that is the source's or the queue's failure, not an item's.
  if (skipped.length && skipped.length === plan.toFetch.length) throw skipped[0]!.err;
  const rechecked = await recheckSeen(source, deps, marked);
  await deps.listings?.putAll(pending);
  const found = new Set(items.filter((i) => !i.knownOnly).map((i) => i.docId)).size;
  const first = skipped[0];
  const warning = first
    ? `${first.err instanceof PresslineError ? first.err.code : 'ERR_UNEXPECTED'}: ${(first.err as Error).message.split('\n')[0]} (${first.url})`
    : badLinks.length
      ? `ERR_BAD_LINK: ${badLinks.length} listed link${badLinks.length > 1 ? 's are' : ' is'} not a URL (${JSON.stringify(badLinks[0]!.slice(0, 200))})`
      : null;
  return {
    found,
    queued,
    unchanged: plan.unchanged,
    filtered: plan.filtered,
    notModified,
    rechecked,
    skipped: skipped.length + badLinks.length,
    warning,
  };
}

/** Queues one discovered item and marks it seen; 1 when a fetch job was added. */
async function queueItem(
  source: SourceConfig,
  item: DiscoveredItem,
  deps: Pick<DiscoveryDeps, 'enqueue' | 'seen' | 'now'>,
): Promise<number> {
  const outcome = await deps.enqueue(fetchInput(source, item, item.version ?? item.url, item.version));
  await deps.seen.mark(item.docId, item.version, deps.now());
  return outcome === 'queued' || outcome === 'retried' ? 1 : 0;
}
