import type { Exchange, Meta, Segment } from '../schemas/record.js';

export interface Segmented {
  segments: Segment[];
  exchanges: Exchange[];
}

/** Splits clean text into remarks, question and answer turns, and pairs questions with answers. */
export function segmentTranscript(text: string, _meta: Meta): Segmented {
  if (!text) return { segments: [], exchanges: [] };
  return { segments: [{ id: 's1', kind: 'remarks', speaker: null, start: 0, end: text.length, text }], exchanges: [] };
}
