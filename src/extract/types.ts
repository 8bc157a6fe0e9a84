import type { Meta, Site } from '../schemas/record.js';
import type { ExtractLimits } from './limits.js';
import type { SiteSelectors } from './sites/selectors.js';

/** What `extract` takes: a fetched body, its type and where it came from. */
export interface ExtractInput {
  body: string;
  contentType: string;
  url: string | null;
  /** A site chosen by the caller (a discovery source); otherwise chosen by URL and markup. */
  site?: Site;
  /** Selectors that override a site adapter's defaults (a site changed its markup). */
  selectors?: Partial<Record<Site, Partial<SiteSelectors>>>;
  /** Caps on the work (HTML_MAX_CHARS, TEXT_MAX_CHARS, HTML_MAX_DEPTH); the configuration's defaults otherwise. */
  limits?: Partial<ExtractLimits>;
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
