import { analyzeLines, type Analyzed } from './text/analyze.js';
import { isWebVtt, parseWebVtt } from './text/captions.js';
import { toLines } from './text/normalize.js';

/**
 * Plain text captured from a page (or a WebVTT caption file): finds the real title and drops
 * the lines sites and mirrors add around the transcript.
 */
export function extractPlainText(body: string): Analyzed {
  if (isWebVtt(body)) {
    const { title, lines } = parseWebVtt(body);
    return analyzeLines(lines, { title });
  }
  return analyzeLines(toLines(body));
}
