import type { Exchange, Meta, Segment, Speaker } from '../schemas/record.js';
import { readCues, Turns, type Draft } from './context.js';
import { readItems } from './items.js';
import { markedTurn } from './marked.js';
import type { Marker } from './markers.js';
import { addSpeaker, addressee } from './names.js';
import { sub } from './spans.js';
import { INTERVIEW } from './turns.js';
import { unmarkedTurn } from './unmarked.js';

export interface Segmented {
  segments: Segment[];
  exchanges: Exchange[];
  /** The metadata's speakers with the officials the turns name added (labels, hand-overs, addressed names). */
  speakers: Speaker[];
}

const NONE: Marker = { type: 'none', speaker: null, skip: 0 };

/** Splits clean text into remarks, question and answer turns, and pairs questions with answers. */
export function segmentTranscript(text: string, meta: Meta): Segmented {
  const speakers: Speaker[] = meta.speakers.map((s) => ({ ...s }));
  if (!text) return { segments: [], exchanges: [], speakers };
  // the start or the title says it is an interview: read once, and only when a rule asks (most
  // texts never get to a rule that does)
  let said: boolean | undefined;
  const interview = () => (said ??= INTERVIEW.test(text.slice(0, 1500)) || INTERVIEW.test(meta.title ?? ''));
  const items = readItems(text, speakers, interview);
  const t = new Turns(text, items, speakers, readCues(items, text, meta, speakers, interview));
  items.forEach(({ p, m: read }, k) => {
    // "A. Security" before any question is a list's letter, not an answer
    const m = read.type === 'answer' && !t.sawQuestion ? NONE : read;
    if (m.type === 'heading') {
      t.sawQuestion = true;
      t.qaHeading = true;
      return;
    }
    const body = sub(p, m.skip, p.text.length);
    if (!body.text) return;
    if (m.type === 'shot') t.push('other', null, body, true);
    else if (m.type === 'none') unmarkedTurn(t, k, body);
    else markedTurn(t, m, body, items[k + 1]?.m);
  });
  return toSegments(t.drafts, text, speakers);
}

/** The drafts as numbered segments, the officials that questions address, and the exchanges. */
function toSegments(drafts: Draft[], text: string, speakers: Speaker[]): Segmented {
  const segments: Segment[] = drafts.map((d, i) => ({
    id: `s${i + 1}`,
    kind: d.kind,
    speaker: d.speaker,
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
  }));
  for (const s of segments) {
    if (s.kind !== 'question') continue;
    const who = addressee(s.text);
    if (who) addSpeaker(speakers, who, null);
  }
  // a name that only ever asks is a journalist's, not an official's
  const asks = new Set(segments.filter((s) => s.kind === 'question').map((s) => s.speaker));
  for (const s of segments) if (s.kind !== 'question') asks.delete(s.speaker);
  for (let i = speakers.length - 1; i >= 0; i--) if (asks.has(speakers[i]!.name)) speakers.splice(i, 1);
  const exchanges: Exchange[] = [];
  for (const s of segments) {
    if (s.kind === 'question') exchanges.push({ question: s.id, answers: [] });
    else if (s.kind === 'answer' && exchanges.length) exchanges[exchanges.length - 1]!.answers.push(s.id);
  }
  return { segments, exchanges, speakers };
}
