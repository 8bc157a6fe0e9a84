import type { Site } from '../../schemas/record.js';

/** Where a site adapter looks on a page. Defaults follow SOURCES.md; callers may override any of them. */
export interface SiteSelectors {
  /** The transcript's container: the first selector that holds text wins. */
  body: string[];
  title: string[];
  place: string[];
  date: string[];
}

/** Default selectors per site adapter (scrapers' knowledge as of 2025–26; a site may change them). */
export const DEFAULT_SELECTORS: Record<Exclude<Site, 'generic' | 'ec-presscorner'>, SiteSelectors> = {
  eeas: {
    body: ['.field--name-field-text', 'article div.text-formatted', '.node__content'],
    title: ['h1', '.field--name-title'],
    place: ['.field--name-field-location-text'],
    date: ['.field--name-field-date', '.node__meta time'],
  },
  consilium: {
    body: [
      '.council-left-content-basic',
      '.press-release-content',
      'article .council-flexify',
      'main article',
    ],
    title: ['h1'],
    place: ['.council-location', '.location'],
    date: ['.council-date', '.date', 'time'],
  },
  ecb: {
    body: ['main .section', 'main div.section', 'article .section'],
    title: ['main h1', 'h1.ecb-pressContentTitle', 'h1'],
    place: [],
    date: ['.ecb-publicationDate', '.date'],
  },
};
