import { PermanentError, PresslineError } from '../errors.js';
import { chooseExtractor } from './choose.js';
import { notATranscript, sniffText } from './sniff.js';
import type { Extracted, ExtractInput } from './types.js';

export type { SiteSelectors } from './sites/selectors.js';
export { DEFAULT_SELECTORS } from './sites/selectors.js';
export type { Extracted, ExtractInput } from './types.js';

/**
 * Turns a fetched body (HTML, Press Corner JSON, plain text or a PDF's text layer) into clean
 * text and metadata. The extractor is chosen by content type, URL and markup; see
 * `chooseExtractor`. Throws nothing but a `PresslineError`, always permanent: the same body
 * fails the same way on every try.
 * @throws PermanentError `ERR_NOT_A_TRANSCRIPT` (binary data), `ERR_DOCUMENT_TOO_LARGE`,
 * `ERR_HTML_TOO_DEEP`, `ERR_NO_TEXT` (nothing left to publish), or for a Press Corner body that
 * is empty or not the API's JSON.
 */
export function extract(input: ExtractInput): Extracted {
  const binary = sniffText(input.body);
  if (binary) throw notATranscript(binary, input.url);
  let r: Extracted;
  try {
    r = chooseExtractor(input);
  } catch (err) {
    if (err instanceof PresslineError) throw err;
    // a bug met by this input: the same input meets it again, so it is not retried
    throw new PermanentError(
      'ERR_EXTRACT_FAILED',
      `${input.url ? `${input.url}: ` : ''}the cleaner failed on this document: ${(err as Error)?.message ?? String(err)}`,
      { cause: err },
    );
  }
  if (!r.text.trim())
    throw new PermanentError(
      'ERR_NO_TEXT',
      `${input.url ? `${input.url}: ` : ''}no transcript text was found in the ${r.extractor} document: nothing to publish`,
      { details: { extractor: r.extractor } },
    );
  return r;
}
