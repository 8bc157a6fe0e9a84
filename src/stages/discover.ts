import { randomUUID } from 'node:crypto';
import type { Input } from '../inputs.js';
import type { DiscoveredItem } from '../sources/item.js';
import { linearPattern } from '../sources/pattern.js';
import type { Filters, SourceConfig } from '../sources/schema.js';
import type { SeenVersion } from '../store/seen-store.js';

export interface DiscoveryPlan {
  /** New items, and known ones whose version changed: each becomes a fetch job. */
  toFetch: DiscoveredItem[];
  unchanged: number;
  filtered: number;
}

/** Whether an item passes a source's filters. */
export function passes(item: DiscoveredItem, f: Filters): boolean {
  const hay = [item.url, item.title ?? ''];
  const hit = (patterns: string[]) =>
    patterns.some((p) => {
      const re = linearPattern(p);
      return hay.some((h) => re.test(h));
    });
  if (f.include.length && !hit(f.include)) return false;
  if (f.exclude.length && hit(f.exclude)) return false;
  if (f.types.length && item.type && !f.types.some((t) => t.toLowerCase() === item.type?.toLowerCase()))
    return false;
  return true;
}

/**
 * Discover stage, pure: what a source listed, against what the seen-store knows → what to
 * fetch. An item is fetched when it is new, or when its version differs from the one seen;
 * an item whose listing gives no version is fetched once. Items listed twice (a listing
 * card and a sitemap entry) are merged, the entry with a version winning.
 */
export function planDiscovery(
  items: readonly DiscoveredItem[],
  seen: ReadonlyMap<string, SeenVersion>,
  filters: Filters,
): DiscoveryPlan {
  const byId = new Map<string, DiscoveredItem>();
  let filtered = 0;
  for (const item of items) {
    const prev = byId.get(item.docId);
    if (!prev) byId.set(item.docId, item);
    else
      byId.set(item.docId, {
        ...(prev.knownOnly ? item : prev),
        version: prev.version ?? item.version,
        knownOnly: Boolean(prev.knownOnly && item.knownOnly),
      });
  }
  const toFetch: DiscoveredItem[] = [];
  let unchanged = 0;
  for (const item of byId.values()) {
    const known = seen.get(item.docId);
    if (item.knownOnly && !known) continue;
    if (!item.knownOnly && !passes(item, filters)) {
      filtered++;
      continue;
    }
    if (known && (item.version === null || item.version === known.version)) unchanged++;
    else toFetch.push(item);
  }
  return { toFetch, unchanged, filtered };
}

/**
 * The fetch job of a discovered item. `variant` makes its job id (a listing version, the URL,
 * or a re-check's time); `version` is the version the job says it carries, when there is one.
 */
export function fetchInput(
  source: Pick<SourceConfig, 'name'>,
  item: Pick<DiscoveredItem, 'docId' | 'url' | 'site' | 'title'>,
  variant: string,
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
        ...(version ? { variant: version } : {}),
      },
    },
  };
}
