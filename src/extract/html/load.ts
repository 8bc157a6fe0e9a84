import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';

/** Parses HTML with htmlparser2 (cheerio's slim build): several times faster than the default parse5, and as forgiving. */
export const loadHtml = (html: string): CheerioAPI =>
  load(html, { xml: { xmlMode: false, decodeEntities: true } }) as unknown as CheerioAPI;
