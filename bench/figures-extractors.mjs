// The extractors the figures bench compares, each mapped to the record's figure shape.
import { extractFigures } from '../dist/figures/index.js';

/** Pressline's own extractor on the whole text (one segment-less pass). */
export function pressline(text) {
  return extractFigures(text, []);
}

export const extractors = { pressline };
