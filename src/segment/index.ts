import type { Exchange, Meta, Segment, SegmentKind, Speaker } from '../schemas/record.js';
import { classifyLabels } from './labels.js';
import { handoverThenQuestion } from './cues.js';
import { readItems } from './items.js';
import type { Marker } from './markers.js';
import { addSpeaker, addressee, labelToSpeaker } from './names.js';
import { sub, type Span } from './spans.js';
import { isBareRole, isHandover, journalistIntro } from './turns.js';
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
/** How the second paragraph of a question opens: "And second, …", "My other question …". */
const CONTINUES =
  /^(?:and\b|also\b|(?:my |a |the )?(?:second|third|last|other|another|follow-up)\b|secondly|thirdly|finally\b|if I may\b|one more\b)/i;
/** How an answer opens. */
const REPLIES = /^(?:yes|no|well|thank you|thanks|look|indeed|of course|let me|first of all)\b/i;
/** An acronym as a label ("DR:", "ANSA:", "HR/VP:"). */
const ACRONYM = /^[A-Z0-9/]{2,6}$/;
/** Words of a paragraph that asks the speaker something. */
const ASKS = /\b(?:you|your|vous|votre|Sie|Ihnen|Ihre?|question|frage)\b/i;
const INTERVIEW = /\b(?:interview|entretien|intervista|entrevista)\b/i;

interface Draft {
  kind: SegmentKind;
  speaker: string | null;
  start: number;
  end: number;
}

/** Splits clean text into remarks, question and answer turns, and pairs questions with answers. */
export function segmentTranscript(text: string, meta: Meta): Segmented {
  const speakers: Speaker[] = meta.speakers.map((s) => ({ ...s }));
  if (!text) return { segments: [], exchanges: [], speakers };
  const items = readItems(text, speakers);
  const roles = classifyLabels(
    items.flatMap((i, k) => {
      if (i.m.type !== 'label') return [];
      const before = items[k - 1];
      const afterQuestion =
        !!before &&
        (before.m.type === 'question' || (before.m.type === 'none' && ENDS_Q.test(before.p.text)));
      const words = i.p.text.slice(i.m.skip);
      return [{ label: i.m.label!, text: words, afterQuestion, handover: isHandover(words) }];
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
  // a "Q&A" title says the unmarked turns answer, unless the text marks its questions itself
  let sawQuestion = qaTitle && explicitQ === 0;
  // after a "Q&A" heading, in a text without question markers, a paragraph that asks is a question
  let qaHeading = false;
  const drafts: Draft[] = [];
  const push = (kind: SegmentKind, speaker: string | null, span: { start: number; end: number }) =>
    drafts.push({ kind, speaker, start: span.start, end: span.end });
  const prev = () => drafts[drafts.length - 1];
  const extend = (end: number) => {
    prev()!.end = end;
  };
  /** A question turn; a journalist who opens it with name and outlet is its speaker. */
  const ask = (speaker: string | null, body: Span) => {
    const intro = speaker ? null : journalistIntro(body.text, speakers);
    if (intro) push('question', intro.speaker, sub(body, intro.skip, body.text.length));
    else push('question', speaker, body);
    sawQuestion = true;
  };

  /**
   * A question without a question mark yet goes on when one of the next two paragraphs,
   * unmarked, asks the speaker ("You said … / So my question is: …?").
   */
  const asksLater = (q: Draft, k: number) => {
    if (REPLIES.test(items[k]!.p.text) || text.slice(q.start, q.end).includes('?')) return false;
    for (const next of items.slice(k + 1, k + 3)) {
      if (next.m.type !== 'none' || next.p.cue || REPLIES.test(next.p.text)) return false;
      if (isQuestionTurn(next.p.text) && next.p.text.length < 400 && ASKS.test(next.p.text)) return true;
    }
    return false;
  };

  items.forEach(({ p, m: read }, k) => {
    // "A. Security" before any question is a list's letter, not an answer
    const m: Marker =
      read.type === 'answer' && !sawQuestion ? { type: 'none', speaker: null, skip: 0 } : read;
    if (m.type === 'heading') {
      sawQuestion = true;
      qaHeading = true;
      return;
    }
    const body = sub(p, m.skip, p.text.length);
    if (!body.text) return;
    const last = prev();
    switch (m.type) {
      case 'question':
        ask(m.speaker, body);
        return;
      case 'answer':
        push('answer', floor ?? fallback, body);
        return;
      case 'soundbite': {
        const name = m.speaker ? labelToSpeaker(m.speaker, speakers).name : fallback;
        if (m.speaker) addSpeaker(speakers, name!, labelToSpeaker(m.speaker, speakers).role);
        floor = name;
        push(last?.kind === 'question' ? 'answer' : 'remarks', name, body);
        return;
      }
      case 'label': {
        const role = roles.get(m.label!) ?? 'official';
        const who = labelToSpeaker(m.speaker ?? m.label!, speakers);
        const bare = isBareRole(who.name);
        // an outlet's or a role's acronym ("DR:", "HR/VP:") stays as written
        if ((role === 'journalist' || bare) && ACRONYM.test(m.label!)) who.name = m.label!;
        if (role === 'journalist') {
          if (
            /\?/.test(body.text) ||
            body.text.length > 80 ||
            /^(?:journalist|reporter|question)/i.test(m.label!)
          ) {
            ask(
              /^(?:journalist|reporter|question|q)\b/i.test(m.label!)
                ? m.speaker && m.speaker !== m.label
                  ? m.speaker
                  : null
                : who.name,
              body,
            );
          } else push('other', who.name, body);
          return;
        }
        if (role === 'moderator' || isHandover(body.text)) {
          const glued = handoverThenQuestion(body);
          push('moderator', who.name, glued ? glued[0] : body);
          if (glued) ask(null, glued[1]);
          return;
        }
        if (body.text.length >= 20 && !bare) addSpeaker(speakers, who.name, who.role);
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
    if (isHandover(body.text)) {
      push('moderator', null, body);
      return;
    }
    const isQ = ENDS_Q.test(body.text) && body.text.length < 700;
    if (last?.kind === 'question') {
      if (isQ && body.text.length < 400 && (interview || explicitQ > 0) && !REPLIES.test(body.text))
        extend(body.end);
      else if (
        explicitQ > 0 &&
        CONTINUES.test(body.text) &&
        body.text.includes('?') &&
        body.text.length < 700
      )
        extend(body.end);
      else if (explicitQ > 0 && asksLater(last, k)) extend(body.end);
      else push('answer', floor ?? fallback, body);
      return;
    }
    // a moderator who has just opened the questions (not one who announces the statements)
    const invited =
      last?.kind === 'moderator' &&
      (sawQuestion ||
        (/question/i.test(text.slice(last.start, last.end)) && isHandover(text.slice(last.start, last.end))));
    if (invited && body.text.includes('?') && body.text.length < 1200) {
      ask(null, body);
      return;
    }
    if (
      (interview || (qaHeading && explicitQ === 0)) &&
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
    // an unmarked paragraph that asks the official who answers it next (a label, an "A."): a journalist's
    const next = items[k + 1]?.m;
    const answeredNext =
      (next?.type === 'label' && roles.get(next.label!) === 'official' && ADDRESSED.test(body.text)) ||
      next?.type === 'answer';
    if (isQ && answeredNext) {
      ask(null, body);
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
