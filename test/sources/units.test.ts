import { describe, expect, it } from 'vitest';
import { windows } from '../../src/cli/backfill.js';
import { ConfigError } from '../../src/errors.js';
import { parseSources } from '../../src/sources/load.js';
import {
  parseEeasListing,
  parseFeed,
  parsePressCornerSearch,
  parseSitemap,
} from '../../src/sources/parsers.js';
import { SourcesFile, DEFAULT_SOURCES } from '../../src/sources/schema.js';
import type { DiscoveredItem } from '../../src/sources/item.js';
import { planDiscovery } from '../../src/stages/discover.js';
import {
  renderAtom,
  renderEeasListing,
  renderRss,
  renderSitemap,
  eeasPages,
} from '../fixtures/site/content.js';

const item = (
  docId: string,
  version: string | null,
  extra: Partial<DiscoveredItem> = {},
): DiscoveredItem => ({
  docId,
  url: `https://site.example/${docId}`,
  site: 'generic',
  title: docId,
  date: null,
  type: null,
  version,
  ...extra,
});
const noFilters = { include: [], exclude: [], types: [] };

describe('the discover plan', () => {
  it('fetches new items and changed versions, and nothing else', () => {
    const seen = new Map([
      ['a', { version: 'v1', at: '' }],
      ['b', { version: 'v1', at: '' }],
      ['c', { version: null, at: '' }],
    ]);
    const plan = planDiscovery(
      [item('a', 'v1'), item('b', 'v2'), item('c', null), item('d', null)],
      seen,
      noFilters,
    );
    expect(plan.toFetch.map((i) => i.docId)).toEqual(['b', 'd']);
    expect(plan.unchanged).toBe(2);
  });

  it('uses a sitemap hint only for items found before, merging its version into a listed item', () => {
    const seen = new Map([['old', { version: 'v1', at: '' }]]);
    const plan = planDiscovery(
      [
        item('listed', null),
        item('listed', 'v9', { knownOnly: true }),
        item('old', 'v2', { knownOnly: true }),
        item('stranger', 'v1', { knownOnly: true }),
      ],
      seen,
      noFilters,
    );
    expect(plan.toFetch.map((i) => [i.docId, i.version])).toEqual([
      ['listed', 'v9'],
      ['old', 'v2'],
    ]);
  });

  it('applies include, exclude and type filters', () => {
    const plan = planDiscovery(
      [
        item('remarks-1', null, { type: 'Remarks' }),
        item('statement-1', null, { type: 'Statement' }),
        item('remarks-video', null, { type: 'Remarks' }),
      ],
      new Map(),
      { include: ['remarks'], exclude: ['video'], types: ['remarks'] },
    );
    expect(plan.toFetch.map((i) => i.docId)).toEqual(['remarks-1']);
    expect(plan.filtered).toBe(2);
  });
});

describe('listing parsers', () => {
  it('reads a Press Corner search page into document API items with Press Corner record ids', () => {
    const json = JSON.stringify({
      docuLanguageListResources: [
        {
          refCode: 'SPEECH/26/1765',
          eventDate: '2026-03-10T10:00:00.000+0000',
          title: 'Speech',
          leadText: '',
          docutype: { code: 'SPEECH' },
        },
      ],
      totalNumber: 1,
    });
    const { items, total } = parsePressCornerSearch(json, {
      baseUrl: 'https://ec.europa.eu/commission/presscorner',
      language: 'en',
      where: 'test',
    });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      docId: 'ec-presscorner:speech_26_1765',
      url: 'https://ec.europa.eu/commission/presscorner/api/documents?reference=SPEECH/26/1765&language=en',
      site: 'ec-presscorner',
      date: '2026-03-10',
      type: 'SPEECH',
    });
  });

  it('names the bad path when a Press Corner answer has the wrong shape', () => {
    expect(() =>
      parsePressCornerSearch('{"docuLanguageListResources":[{"title":"x"}]}', {
        baseUrl: 'https://x.example',
        language: 'en',
        where: 'page 1',
      }),
    ).toThrow(/docuLanguageListResources\.0\.refCode/);
  });

  it('reads EEAS listing cards: absolute link, title, type and DD.MM.YYYY date', () => {
    const [first] = parseEeasListing(
      renderEeasListing(eeasPages().slice(0, 1)),
      'https://www.eeas.europa.eu/eeas/press-material_en',
    );
    expect(first).toMatchObject({
      docId: 'eeas:eeas/fixture-hrvp-remarks-on-the-black-sea-conference_en',
      url: 'https://www.eeas.europa.eu/eeas/fixture-hrvp-remarks-on-the-black-sea-conference_en',
      date: '2026-02-23',
      type: 'Remarks',
    });
  });

  it('reads sitemaps, sitemap indexes, RSS and Atom', () => {
    expect(
      parseSitemap(
        renderSitemap([{ loc: 'https://a.example/x_en', lastmod: '2026-01-02' }]),
        'https://a.example/',
      ).urls,
    ).toEqual([{ loc: 'https://a.example/x_en', lastmod: '2026-01-02' }]);
    const index = '<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(index, 'https://a.example/').sitemaps).toEqual(['https://a.example/s1.xml']);
    const rss = parseFeed(
      renderRss('t', [
        {
          title: 'Remarks',
          link: 'https://www.consilium.europa.eu/en/press/x/',
          pubDate: 'Mon, 09 Mar 2026 18:00:00 GMT',
        },
      ]),
      'https://f.example/',
      'generic',
    );
    expect(rss[0]).toMatchObject({
      site: 'consilium',
      date: '2026-03-09',
      version: 'Mon, 09 Mar 2026 18:00:00 GMT',
    });
    const atom = parseFeed(
      renderAtom('t', [{ title: 'A', link: 'https://n.example/a', updated: '2026-03-02T09:00:00Z' }]),
      'https://n.example/',
      'generic',
    );
    expect(atom[0]).toMatchObject({ url: 'https://n.example/a', version: '2026-03-02T09:00:00Z' });
  });
});

describe('the sources file', () => {
  it('turns on the Press Corner and EEAS by default, the Council and ECB off', () => {
    const sources = SourcesFile.parse({ sources: DEFAULT_SOURCES }).sources;
    expect(sources.filter((s) => s.enabled).map((s) => s.name)).toEqual(['ec-presscorner', 'eeas']);
  });

  it('reads YAML with durations, filters and overridden base URLs', () => {
    const [s] = parseSources(
      `sources:\n  - name: pc\n    type: presscorner\n    interval: 10m\n    baseUrl: http://127.0.0.1:8080/presscorner\n    allowPrivate: true\n    filters:\n      exclude: [video]\n`,
      'sources.yaml',
    );
    expect(s).toMatchObject({
      name: 'pc',
      interval: 600_000,
      baseUrl: 'http://127.0.0.1:8080/presscorner',
      allowPrivate: true,
      filters: { exclude: ['video'] },
    });
  });

  it('names the file, the path and the problem of a bad source', () => {
    const bad = () =>
      parseSources(
        `sources:\n  - name: Feed\n    type: rss\n  - name: x\n    type: carrier-pigeon\n`,
        'my-sources.yaml',
      );
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/my-sources\.yaml/);
    expect(bad).toThrow(/sources\.0\.name/);
    expect(bad).toThrow(/sources\.0\.url/);
  });

  it('accepts sources.example.yaml as shipped', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../sources.example.yaml', import.meta.url), 'utf8');
    const sources = parseSources(text, 'sources.example.yaml');
    expect(sources.map((s) => s.type)).toEqual(['presscorner', 'eeas', 'consilium', 'ecb', 'rss', 'sitemap']);
  });

  it('refuses two sources with one name', () => {
    expect(() =>
      parseSources('{"sources":[{"name":"a","type":"eeas"},{"name":"a","type":"eeas"}]}', 's.json'),
    ).toThrow(/duplicate source name "a"/);
  });
});

describe('backfill windows', () => {
  it('splits a quarter into week windows that cover every day once', () => {
    const w = windows('2025-01-01', '2025-03-31', 7);
    expect(w[0]).toEqual({ from: '2025-01-01', to: '2025-01-07' });
    expect(w.at(-1)).toEqual({ from: '2025-03-26', to: '2025-03-31' });
    expect(w).toHaveLength(13);
  });

  it('refuses a reversed or malformed range', () => {
    expect(() => windows('2025-02-01', '2025-01-01', 7)).toThrow(/after/);
    expect(() => windows('01/01/2025', '2025-01-01', 7)).toThrow(/YYYY-MM-DD/);
  });
});
