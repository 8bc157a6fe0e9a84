import { chooseExtractor } from './choose.js';
import type { Extracted, ExtractInput } from './types.js';

export type { SiteSelectors } from './sites/selectors.js';
export { DEFAULT_SELECTORS } from './sites/selectors.js';
export type { Extracted, ExtractInput } from './types.js';

/**
 * Turns a fetched body (HTML, Press Corner JSON or plain text) into clean text and metadata.
 * The extractor is chosen by content type, URL and markup; see `chooseExtractor`.
 * @throws PermanentError for a Press Corner body that is empty or not the API's JSON.
 */
export function extract(input: ExtractInput): Extracted {
  return chooseExtractor(input);
}
