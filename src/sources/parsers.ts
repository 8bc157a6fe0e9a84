import { load } from 'cheerio/slim';
import { z } from 'zod';
import { parseOrThrow, PermanentError } from '../errors.js';
import { docIdFor, sha256, siteOf } from '../ids.js';
import type { Site } from '../schemas/record.js';
import type { DiscoveredItem } from './item.js';

const PressCornerSearch = z.object({
  docuLanguageListResources: z
    .array(
      z
        .object({
          refCode: z.string().min(1),
          eventDate: z.string().nullish(),
          title: z.string().nullish(),
          leadText: z.string().nullish(),
          docutype: z.object({ code: z.string() }).partial().nullish(),
          languageCode: z.string().nullish(),
        })
        .loose(),
    )
    .default([]),
  totalNumber: z.number().int().min(0).default(0),
});

/** `DDMMYYYY` for Press Corner's `datefrom`/`dateto`. */
export const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/** The Press Corner document API URL of a reference (the body the fetch stage stores). */
export const pressCornerDocumentUrl = (baseUrl: string, ref: string, language: string): string =>
  `${baseUrl.replace(/\/$/, '')}/api/documents?reference=${ref}&language=${language}`;

/** A Press Corner `api/search` page → items and the total the search reports. */
export function parsePressCornerSearch(
  json: string,
  opts: { baseUrl: string; language: string; where: string },
): { items: DiscoveredItem[]; total: number } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (cause) {
    throw new PermanentError(
      'ERR_SOURCE_PARSE',
      `Press Corner search answer is not JSON (${opts.where}): ${(cause as Error).message}`,
      { cause },
    );
  }
  const page = parseOrThrow(PressCornerSearch, data, 'Press Corner search answer', opts.where);
  const items = page.docuLanguageListResources.map((r): DiscoveredItem => {
    const url = pressCornerDocumentUrl(opts.baseUrl, r.refCode, opts.language);
    return {
      docId: docIdFor({ url, path: null, site: 'ec-presscorner' }),
      url,
      site: 'ec-presscorner',
      title: r.title ?? null,
      date: isoDate(r.eventDate ?? null),
      type: r.docutype?.code ?? null,
      // The search gives no modification date: a change in what it lists is a new version.
      version: sha256(JSON.stringify([r.title ?? '', r.eventDate ?? '', r.leadText ?? ''])).slice(0, 16),
    };
  });
  return { items, total: page.totalNumber };
}

/** `2026-02-23T10:00:00`, `23.02.2026`, `23/02/2026` or an RFC 822 date → `2026-02-23`. */
export function isoDate(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** Told of each link that is not a URL, which its listing skips (the discovery run's warning). */
export type BadLink = (href: string) => void;

/**
 * A link of a listing, sitemap or feed made absolute, or null when it is not a URL (`http://[bad`,
 * `https://exa mple.eu`): that one item is skipped (and `bad` told), the rest of the listing is read.
 */
export function absoluteUrl(href: string, base: string, bad?: BadLink): string | null {
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    bad?.(href.trim());
    return null;
  }
}

/** An EEAS press-material listing page → its cards as items (version from the sitemap, later). */
export function parseEeasListing(html: string, pageUrl: string, bad?: BadLink): DiscoveredItem[] {
  const $ = load(html);
  const out: DiscoveredItem[] = [];
  $('div.card[role=article]').each((_, el) => {
    const card = $(el);
    const a = card.find('h5.card-title a').first();
    const href = a.attr('href');
    const url = href ? absoluteUrl(href, pageUrl, bad) : null;
    if (!url) return;
    out.push({
      docId: docIdFor({ url, path: null, site: 'eeas' }),
      url,
      site: 'eeas',
      title: a.text().replace(/\s+/g, ' ').trim() || null,
      date: isoDate(
        card
          .find('div.card-footer.node__meta')
          .first()
          .text()
          .trim()
          .match(/\d{1,2}\.\d{1,2}\.\d{4}/)?.[0] ?? null,
      ),
      type: card.find('h6.card-subtitle .field__item').first().text().trim() || null,
      version: null,
    });
  });
  return out;
}

/** A sitemap page: its `<url>` entries, or the child sitemaps of a sitemap index. */
export function parseSitemap(
  xml: string,
  baseUrl: string,
  bad?: BadLink,
): { urls: { loc: string; lastmod: string | null }[]; sitemaps: string[] } {
  const $ = load(xml, { xml: true });
  const urls: { loc: string; lastmod: string | null }[] = [];
  $('url').each((_, el) => {
    const loc = absoluteUrl($(el).children('loc').first().text(), baseUrl, bad);
    if (!loc) return;
    urls.push({
      loc,
      lastmod: $(el).children('lastmod').first().text().trim() || null,
    });
  });
  const sitemaps = $('sitemapindex > sitemap > loc')
    .map((_, el) => absoluteUrl($(el).text(), baseUrl, bad))
    .get()
    .filter((u): u is string => u !== null);
  return { urls, sitemaps };
}

/** An RSS 2.0 or Atom feed → items; the version is Atom's `updated`, else the item's date. */
export function parseFeed(xml: string, feedUrl: string, site: Site, bad?: BadLink): DiscoveredItem[] {
  const $ = load(xml, { xml: true });
  const out: DiscoveredItem[] = [];
  const push = (link: string | undefined, title: string, date: string | null, version: string | null) => {
    const url = link ? absoluteUrl(link, feedUrl, bad) : null;
    if (!url) return;
    const s = site === 'generic' ? siteOf(url) : site;
    out.push({
      docId: docIdFor({ url, path: null, site: s }),
      url,
      site: s,
      title: title.trim() || null,
      date: isoDate(date),
      type: null,
      version,
    });
  };
  $('rss item, rdf\\:RDF item, RDF item').each((_, el) => {
    const item = $(el);
    const link =
      item.children('link').first().text() ||
      (item.children('guid').first().attr('isPermaLink') !== 'false'
        ? item.children('guid').first().text()
        : '');
    const date = item.children('pubDate').first().text() || item.children('dc\\:date').first().text() || null;
    push(link || undefined, item.children('title').first().text(), date, date?.trim() || null);
  });
  $('feed > entry').each((_, el) => {
    const entry = $(el);
    const link =
      entry.children('link[rel=alternate]').first().attr('href') ??
      entry.children('link').first().attr('href');
    const updated = entry.children('updated').first().text() || null;
    const published = entry.children('published').first().text() || null;
    push(link, entry.children('title').first().text(), published ?? updated, updated ?? published);
  });
  return out;
}
