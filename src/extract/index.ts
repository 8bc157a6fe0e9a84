import type { Meta, Site } from '../schemas/record.js';
import { chooseExtractor } from './choose.js';

export interface ExtractInput {
  body: string;
  contentType: string;
  url: string | null;
  /** A site chosen by the caller (a discovery source); otherwise chosen by URL and markup. */
  site?: Site;
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

/** Turns a fetched body (HTML, Press Corner JSON or plain text) into clean text and metadata. */
export function extract(input: ExtractInput): Extracted {
  return chooseExtractor(input);
}
