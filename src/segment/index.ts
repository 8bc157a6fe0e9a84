import type { Exchange, Meta, Segment, SegmentKind, Speaker } from '../schemas/record.js';
import { cutAtCues, type Piece } from './cues.js';
import { classifyLabels } from './labels.js';
import { readMarker, type Marker } from './markers.js';
import { addSpeaker, addressee, labelToSpeaker } from './names.js';
import { paragraphs, sub } from './spans.js';
import { OPENING } from '../extract/text/boilerplate.js';

export interface Segmented {
  segments: Segment[];
  exchanges: Exchange[];
  /** The metadata's speakers with the officials the turns name added (labels, hand-overs, addressed names). */
  speakers: Speaker[];
}

const ENDS_Q = /\?["”’)\]]*$/;
const FIRST_PERSON = /\b(?:I|I'm|I’m|we|We|our|Our|my|me|us|je|nous|ich|wir|ik|wij)\b/;
const NARRATES =
  /\b(?:said|says|highlighted|tells|told|spoke|stated|interview|held|took place|taken place|sagte|erklärt|a déclaré|a prononcé)\b/i;
const STARTS_ASKING =
  /^(?:you|do you|are you|have you|how|what|why|when|where|which|who|is|can|could|would|will|should|did|does)\b/i;
/** A journalist introduced before the question: "The FT’s Peter Spiegel goes first." */
const INTRO =
  /^((?:The\s+)?[\p{Lu}][\p{L}’'.]*(?:\s+[\p{Lu}][\p{L}’'.]*){0,4})\s+(?:goes first|asks|is next|follows|has the next question)\s*[.:]\s+/u;
const isQuestionTurn = (s: string) => ENDS_Q.test(s) && s.length < 700;
const ADDRESSED = /\b(?:you|your|vous|votre|Sie|Ihre?)\b/;
/** Words of a live blog or a briefing that reports questions without marking them. */
const QUESTION_TALK =
  /\b(?:next question|onto questions|taking questions|takes questions|questions from (?:the )?(?:press|floor|journalists)|asks?|asked)\b/i;
const ROLE_WORD =
  /\b(?:president|vice[- ]president|minister|secretary|commissioner|high representative|hr\/vp|hrvp|chancellor|spokes(?:person|man|woman)|governor|director|ambassador|moderator|journalist|reporter|interviewer|speaker|chair|mr|mrs|ms|madam|président|präsident|ministre)\b/i;
const INTERVIEW = /\b(?:interview|entretien|intervista|entrevista)\b/i;

interface Item {
  p: Piece;
  m: Marker;
}

interface Draft {
  kind: SegmentKind;
  speaker: string | null;
  start: number;
  end: number;
}

const BYLINE_AFTER = /\s*[-–—]?\s*\(?(?:Journalist(?:e|in)?|Question|Reporter)\s*\(([^)]{1,80})\)\)?\.?$/;
/** How every `BYLINE_AFTER` match ends: a cheap test before the costly one. */
const BYLINE_END = /\)\.?$/;
const ASKED_DE = /^([„“"][^„“"]{3,}\?[“”"])\s*,?\s*(?:fragt|fragte|wollte)\b[^.]{0,60}\.?$/;

/**
 * Questions marked after the fact: a `Journalist (Outlet)` line after the question (or at its
 * end), and German reported questions (`„…?“, fragt ein Journalist`).
 */
function markQuestionsAfter(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.m.type !== 'none') continue;
    const b = BYLINE_END.test(it.p.text) ? BYLINE_AFTER.exec(it.p.text) : null;
    if (b && b.index === 0 && k > 0 && items[k - 1]!.m.type === 'none') {
      items[k - 1]!.m = { type: 'question', speaker: b[1]!, skip: 0 };
      it.m = { type: 'heading', speaker: null, skip: it.p.text.length };
      it.p = { ...it.p, cue: undefined };
      continue;
    }
    if (b && b.index > 0) {
      it.p = { ...sub(it.p, 0, b.index), cue: undefined };
      it.m = { type: 'question', speaker: b[1]!, skip: 0 };
      continue;
    }
    const d = ASKED_DE.exec(it.p.text);
    if (d) {
      it.p = { ...sub(it.p, 0, d[1]!.length), cue: undefined };
      it.m = { type: 'question', speaker: null, skip: 0 };
    }
  }
}

/** Splits clean text into remarks, question and answer turns, and pairs questions with answers. */
export function segmentTranscript(text: string, meta: Meta): Segmented {
  const speakers: Speaker[] = meta.speakers.map((s) => ({ ...s }));
  if (!text) return { segments: [], exchanges: [], speakers };
  const items: Item[] = paragraphs(text)
    .flatMap(cutAtCues)
    .map((p) => ({ p, m: readMarker(p.text) }));

  markQuestionsAfter(items);

  // a mixed-case label ("Dana:", "Middle East:") counts only in a dialogue, with a role word,
  // for an official already named, or for a name the text uses elsewhere
  const labelled = items.filter((i) => i.m.type === 'label').length;
  for (const i of items) {
    if (i.m.type !== 'label' || i.m.label === i.m.label!.toUpperCase()) continue;
    const label = i.m.label!;
    const surname = label
      .replace(/\s*[,(].*$/, '')
      .split(/\s+/)
      .pop()!;
    const known = speakers.some((s) => s.name.split(' ').pop() === surname);
    const uses = text.split(surname).length - 1;
    const single = !/[\s,(]/.test(label);
    if (labelled >= 3 || known || ROLE_WORD.test(label) || (single && uses >= 2)) continue;
    i.m = { type: 'none', speaker: null, skip: 0 };
  }
  const roles = classifyLabels(
    items.flatMap((i, k) => {
      if (i.m.type !== 'label') return [];
      const before = items[k - 1];
      const afterQuestion =
        !!before &&
        (before.m.type === 'question' || (before.m.type === 'none' && ENDS_Q.test(before.p.text)));
      return [{ label: i.m.label!, text: i.p.text.slice(i.m.skip), afterQuestion }];
    }),
    speakers,
  );

  const explicitQ = items.filter((i) => i.m.type === 'question').length;
  const plainQ = items.filter(
    (i, k) =>
      i.m.type === 'none' &&
      !i.p.cue &&
      ENDS_Q.test(i.p.text) &&
      i.p.text.length < 700 &&
      items[k + 1] &&
      !ENDS_Q.test(items[k + 1]!.p.text),
  );
  const firstPlain = items.find((i) => i.m.type === 'none');
  const interview =
    explicitQ < 2 &&
    ((plainQ.length >= 2 && (plainQ.some((i) => ADDRESSED.test(i.p.text)) || QUESTION_TALK.test(text))) ||
      (plainQ.length >= 1 && (INTERVIEW.test(text.slice(0, 1500)) || INTERVIEW.test(meta.title ?? ''))) ||
      (firstPlain !== undefined &&
        plainQ[0] === firstPlain &&
        items.indexOf(firstPlain) === 0 &&
        ADDRESSED.test(firstPlain.p.text) &&
        !OPENING.test(firstPlain.p.text)));
  const qaTitle = /\bQ\s*&\s*A\b|questions and answers/i.test(meta.title ?? '');

  const fallback = speakers[0]?.name ?? null;
  let floor: string | null = null;
  let sawQuestion = qaTitle;
  const drafts: Draft[] = [];
  const push = (kind: SegmentKind, speaker: string | null, span: { start: number; end: number }) =>
    drafts.push({ kind, speaker, start: span.start, end: span.end });
  const prev = () => drafts[drafts.length - 1];
  const extend = (end: number) => {
    prev()!.end = end;
  };

  items.forEach(({ p, m }, k) => {
    if (m.type === 'heading') {
      sawQuestion = true;
      return;
    }
    const body = sub(p, m.skip, p.text.length);
    if (!body.text) return;
    const last = prev();
    switch (m.type) {
      case 'question':
        push('question', m.speaker, body);
        sawQuestion = true;
        return;
      case 'answer':
        push('answer', floor ?? fallback, body);
        return;
      case 'soundbite': {
        const name = m.speaker ? labelToSpeaker(m.speaker).name : fallback;
        if (m.speaker) addSpeaker(speakers, name!, labelToSpeaker(m.speaker).role);
        floor = name;
        push(last?.kind === 'question' ? 'answer' : 'remarks', name, body);
        return;
      }
      case 'label': {
        const role = roles.get(m.label!) ?? 'official';
        const who = labelToSpeaker(m.speaker ?? m.label!);
        if (role === 'journalist') {
          if (
            /\?/.test(body.text) ||
            body.text.length > 80 ||
            /^(?:journalist|reporter|question)/i.test(m.label!)
          ) {
            push(
              'question',
              /^(?:journalist|reporter|question|q)\b/i.test(m.label!)
                ? m.speaker && m.speaker !== m.label
                  ? m.speaker
                  : null
                : who.name,
              body,
            );
            sawQuestion = true;
          } else push('other', who.name, body);
          return;
        }
        if (role === 'moderator') {
          push('moderator', who.name, body);
          return;
        }
        if (body.text.length >= 20) addSpeaker(speakers, who.name, who.role);
        floor = who.name;
        push(sawQuestion ? 'answer' : 'remarks', who.name, body);
        return;
      }
    }
    // no marker: cues inside the paragraph, then the turn before it, decide
    if (p.cue === 'asked' || (isQuestionTurn(body.text) && interview)) {
      const intro = INTRO.exec(body.text);
      if (intro && intro[0].length < body.text.length) {
        push('question', intro[1]!.trim(), sub(body, intro[0].length, body.text.length));
        sawQuestion = true;
        return;
      }
    }
    if (p.cue === 'asked') {
      push('question', null, body);
      sawQuestion = true;
      return;
    }
    if (p.cue === 'handover') {
      if (p.to) addSpeaker(speakers, p.to, null);
      floor = p.to ?? floor;
      push('moderator', null, body);
      return;
    }
    if (p.cue === 'answer') {
      push('answer', p.to ?? floor ?? fallback, body);
      return;
    }
    const isQ = ENDS_Q.test(body.text) && body.text.length < 700;
    if (last?.kind === 'question' && last.end <= body.start) {
      if (isQ && body.text.length < 400 && (interview || explicitQ > 0)) extend(body.end);
      else push('answer', floor ?? fallback, body);
      return;
    }
    if (
      interview &&
      (isQ ||
        (k === items.length - 1 &&
          last?.kind === 'answer' &&
          STARTS_ASKING.test(body.text) &&
          !/[.!?"”]$/.test(body.text)))
    ) {
      push('question', null, body);
      sawQuestion = true;
      return;
    }
    if (last && (last.kind === 'answer' || last.kind === 'remarks')) {
      extend(body.end);
      return;
    }
    if (!last && !FIRST_PERSON.test(body.text) && NARRATES.test(body.text)) {
      push('other', null, body);
      return;
    }
    if (last?.kind === 'other' && interview) {
      push('other', null, body);
      return;
    }
    push(sawQuestion ? 'answer' : 'remarks', floor ?? fallback, body);
  });

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
  const exchanges: Exchange[] = [];
  for (const s of segments) {
    if (s.kind === 'question') exchanges.push({ question: s.id, answers: [] });
    else if (s.kind === 'answer' && exchanges.length) exchanges[exchanges.length - 1]!.answers.push(s.id);
  }
  return { segments, exchanges, speakers };
}
