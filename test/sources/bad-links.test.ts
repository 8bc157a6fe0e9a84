import { describe, expect, it } from 'vitest';
import { parseEeasListing, parseFeed, parseSitemap } from '../../src/sources/parsers.js';

const card = (href: string, title: string) =>
  `<div class="card" role="article"><h5 class="card-title"><a href="${href}">${title}</a></h5><div class="card-footer node__meta">12.03.2026</div></div>`;

describe('one link that is not a URL skips its item, not the listing', () => {
  it('an EEAS listing keeps the cards around a card whose link cannot be parsed', () => {
    const html = `<html><body>${card('/eeas/first-remarks_en', 'First')}${card('http://[bad', 'Broken')}${card('https://exa mple.eu/x', 'Space in host')}${card('/eeas/second-remarks_en', 'Second')}</body></html>`;
    const items = parseEeasListing(html, 'https://www.eeas.europa.eu/eeas/press-material_en');
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['First', 'https://www.eeas.europa.eu/eeas/first-remarks_en'],
      ['Second', 'https://www.eeas.europa.eu/eeas/second-remarks_en'],
    ]);
  });

  it('a sitemap and a sitemap index keep their other entries', () => {
    const urls = parseSitemap(
      `<urlset><url><loc>https://site.eu/a</loc></url><url><loc>http://[::1</loc></url><url><loc>/b</loc><lastmod>2026-03-01</lastmod></url></urlset>`,
      'https://site.eu/sitemap.xml',
    );
    expect(urls.urls).toEqual([
      { loc: 'https://site.eu/a', lastmod: null },
      { loc: 'https://site.eu/b', lastmod: '2026-03-01' },
    ]);
    const index = parseSitemap(
      `<sitemapindex><sitemap><loc>https://[x/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>`,
      'https://site.eu/sitemap.xml',
    );
    expect(index.sitemaps).toEqual(['https://site.eu/s2.xml']);
  });

  it('a feed keeps its other items', () => {
    const xml = `<rss><channel><item><title>Good</title><link>https://site.eu/good</link></item><item><title>Bad</title><link>http://[bad</link></item></channel></rss>`;
    expect(parseFeed(xml, 'https://site.eu/feed.xml', 'generic').map((i) => i.title)).toEqual(['Good']);
  });
});
