import type { Site } from '../schemas/record.js';

/** One item a source listed: where it is, what record it becomes, and the version the listing gives. */
export interface DiscoveredItem {
  docId: string;
  url: string;
  site: Site;
  title: string | null;
  /** YYYY-MM-DD, when the listing says. */
  date: string | null;
  type: string | null;
  /** lastmod, updated, pubDate or a hash of the listing entry; null when the listing gives none. */
  version: string | null;
  /** Only a version hint for an item found before (a sitemap entry outside the press listing). */
  knownOnly?: boolean;
}

/** Keeps items dated inside [from, to] (inclusive days); undated items are kept. */
export function inWindow(item: DiscoveredItem, window: { from: string; to: string } | undefined): boolean {
  if (!window || !item.date) return true;
  return item.date >= window.from && item.date <= window.to;
}
