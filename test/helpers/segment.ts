import type { Meta } from '../../src/schemas/record.js';
import { segmentTranscript } from '../../src/segment/index.js';

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

/** The first three words of a turn, as the tests name it. */
export const firstWords = (text: string) => text.split(/\s+/).slice(0, 3).join(' ');

/** Each segment as a reader checks it: kind, speaker and its first three words. */
export const view = (text: string, m = meta()) =>
  segmentTranscript(text, m).segments.map((s) => [s.kind, s.speaker, firstWords(s.text)]);
