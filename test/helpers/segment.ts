import type { Meta } from '../../src/schemas/record.js';

/** Metadata with one official, for segmenting hand-written transcripts. */
export const meta = (over: Partial<Meta> = {}): Meta => ({
  title: null,
  date: null,
  place: null,
  speakers: [{ name: 'Kaja Kallas', role: 'High Representative' }],
  event: null,
  language: 'en',
  videoUrl: null,
  checkAgainstDelivery: false,
  ...over,
});

/** Paragraphs → clean text as the cleaner emits it. */
export const doc = (...paras: string[]) => paras.join('\n\n');
