import { inWindow, type DiscoveredItem } from './item.js';
import { docIdFor, siteOf } from '../ids.js';
import {
  ddmmyyyy,
  isoDate,
  parseEeasListing,
  parseFeed,
  parsePressCornerSearch,
  parseSitemap,
  type BadLink,
} from './parsers.js';
import type { SourceConfig } from './schema.js';
import { linearPattern } from './pattern.js';

/** A listing page as the lister sees it: its text, or that it did not change (304) or is not there (404). */
export interface ListingPage {
  status: 'ok' | 'not-modified' | 'missing';
  text: string;
}

export interface ListContext {
  /** GETs a listing page (conditionally, in scheduled runs). */
  get(url: string, accept: string): Promise<ListingPage>;
  /** Days to list, inclusive (YYYY-MM-DD); a scheduled run looks back `lookbackDays` from today. */
  window?: { from: string; to: string };
  today: string;
  /** A backfill walks every page of the window; a scheduled run reads at most `maxPages`. */
  backfill: boolean;
  /** Told of each link that is not a URL (its item is skipped). */
  badLink?: BadLink;
}

const JSON_ACCEPT = 'application/json';
const XML_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5';
const HTML_ACCEPT = 'text/html,application/xhtml+xml';
const HARD_PAGE_CAP = 1000;

const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const windowOf = (s: SourceConfig, ctx: ListContext) =>
  ctx.window ?? { from: daysBefore(ctx.today, s.lookbackDays), to: ctx.today };

const pageCap = (s: SourceConfig, ctx: ListContext) => (ctx.backfill ? HARD_PAGE_CAP : s.maxPages);

/** Lists what a source has now (or in a backfill window): every item, before filters and the seen-store. */
export async function listSource(source: SourceConfig, ctx: ListContext): Promise<DiscoveredItem[]> {
  switch (source.type) {
    case 'presscorner':
      return listPressCorner(source, ctx);
    case 'eeas':
      return listEeas(source, ctx);
    case 'rss':
    case 'consilium':
    case 'ecb': {
      const page = await ctx.get(source.url, XML_ACCEPT);
      if (page.status !== 'ok') return [];
      return parseFeed(page.text, source.url, source.site, ctx.badLink).filter((i) =>
        inWindow(i, ctx.backfill ? ctx.window : undefined),
      );
    }
    case 'sitemap':
      return listSitemap(source, ctx);
  }
}

async function listPressCorner(
  s: Extract<SourceConfig, { type: 'presscorner' }>,
  ctx: ListContext,
): Promise<DiscoveredItem[]> {
  const w = windowOf(s, ctx);
  const base = s.baseUrl.replace(/\/$/, '');
  const out: DiscoveredItem[] = [];
  for (let page = 1; page <= pageCap(s, ctx); page++) {
    const url =
      `${base}/api/search?language=${s.language}&pagesize=${s.pageSize}&pagenumber=${page}` +
      `&datefrom=${ddmmyyyy(w.from)}&dateto=${ddmmyyyy(w.to)}&documentTypeCodes=${s.documentTypes.join(',')}`;
    const res = await ctx.get(url, JSON_ACCEPT);
    if (res.status !== 'ok') break;
    const { items, total } = parsePressCornerSearch(res.text, {
      baseUrl: base,
      language: s.language,
      where: url,
    });
    out.push(...items);
    if (items.length === 0 || page * s.pageSize >= total) break;
  }
  return out;
}

async function listEeas(
  s: Extract<SourceConfig, { type: 'eeas' }>,
  ctx: ListContext,
): Promise<DiscoveredItem[]> {
  const base = s.baseUrl.replace(/\/$/, '');
  const items: DiscoveredItem[] = [];
  for (let page = 0; page < pageCap(s, ctx); page++) {
    const q = new URLSearchParams();
    if (s.category) q.set('f[0]', `pm_category:${s.category}`);
    if (ctx.window) {
      q.set('created_from', ctx.window.from);
      q.set('created_to', ctx.window.to);
    }
    if (page > 0) q.set('page', String(page));
    const url = `${base}${s.listingPath}${q.size ? `?${q}` : ''}`;
    const res = await ctx.get(url, HTML_ACCEPT);
    if (res.status !== 'ok') break;
    const cards = parseEeasListing(res.text, url, ctx.badLink);
    if (!cards.length) break;
    items.push(...cards.filter((i) => inWindow(i, ctx.window)));
  }
  // The sitemap's lastmod is each page's version: a listed page whose lastmod moves is
  // fetched again, and so is a page found before that has left the first listing pages.
  const versions = new Map<string, string>();
  const keep = linearPattern(s.pathPattern);
  const hints: DiscoveredItem[] = [];
  if (s.sitemapPath) {
    for (let page = 1; page <= s.sitemapPages; page++) {
      const res = await ctx.get(`${base}${s.sitemapPath}?page=${page}`, XML_ACCEPT);
      if (res.status === 'missing') break;
      if (res.status === 'not-modified') continue;
      const { urls } = parseSitemap(res.text, base, ctx.badLink);
      if (!urls.length) break;
      for (const { loc, lastmod } of urls) {
        if (!lastmod || !keep.test(new URL(loc).pathname)) continue;
        const docId = docIdFor({ url: loc, path: null, site: 'eeas' });
        versions.set(docId, lastmod);
        hints.push({
          docId,
          url: loc,
          site: 'eeas',
          title: null,
          date: isoDate(lastmod),
          type: null,
          version: lastmod,
          knownOnly: true,
        });
      }
    }
  }
  return [...items.map((i) => ({ ...i, version: versions.get(i.docId) ?? null })), ...hints];
}

async function listSitemap(
  s: Extract<SourceConfig, { type: 'sitemap' }>,
  ctx: ListContext,
): Promise<DiscoveredItem[]> {
  const queue = [s.url];
  const out: DiscoveredItem[] = [];
  for (let n = 0; n < pageCap(s, ctx) && queue.length; n++) {
    const url = queue.shift() as string;
    const res = await ctx.get(url, XML_ACCEPT);
    if (res.status !== 'ok') continue;
    const { urls, sitemaps } = parseSitemap(res.text, url, ctx.badLink);
    queue.push(...sitemaps);
    for (const { loc, lastmod } of urls) {
      const site = s.site === 'generic' ? siteOf(loc) : s.site;
      const item: DiscoveredItem = {
        docId: docIdFor({ url: loc, path: null, site }),
        url: loc,
        site,
        title: null,
        date: isoDate(lastmod),
        type: null,
        version: lastmod,
      };
      if (inWindow(item, ctx.backfill ? ctx.window : undefined)) out.push(item);
    }
  }
  return out;
}
