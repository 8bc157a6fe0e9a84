import type { Meta, Site } from '../schemas/record.js';
import { chooseExtractor } from './choose.js';
import type { SiteSelectors } from './sites/selectors.js';

export type { SiteSelectors } from './sites/selectors.js';
export { DEFAULT_SELECTORS } from './sites/selectors.js';

export interface ExtractInput {
  body: string;
  contentType: string;
  url: string | null;
  /** A site chosen by the caller (a discovery source); otherwise chosen by URL and markup. */
  site?: Site;
  /** Selectors that override a site adapter's defaults (a site changed its markup). */
  selectors?: Partial<Record<Site, Partial<SiteSelectors>>>;
}

export interface Extracted {
  site: Site;
  /** Which extractor ran: a site adapter's name, `generic-html` or `plain-text`. */
  extractor: string;
  text: string;
  meta: Meta;
  /** Problems worth a warning in the logs (a known site whose markup changed, say). */
  warnings: string[];
}

/**
 * Turns a fetched body (HTML, Press Corner JSON or plain text) into clean text and metadata.
 * The extractor is chosen by content type, URL and markup; see `chooseExtractor`.
 * @throws PermanentError for a Press Corner body that is empty or not the API's JSON.
 */
export function extract(input: ExtractInput): Extracted {
  return chooseExtractor(input);
}
