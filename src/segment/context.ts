import type { Meta, SegmentKind, Speaker } from '../schemas/record.js';
import { OPENING } from '../extract/text/boilerplate.js';
import type { Item } from './items.js';
import { classifyLabels, type LabelRole } from './labels.js';
import { closersStart, flatMap, sub, type Span } from './spans.js';
import { isHandover, journalistIntro } from './turns.js';

/** A turn being built: its kind, speaker and span of the clean text. */
export interface Draft {
  kind: SegmentKind;
  speaker: string | null;
  start: number;
  end: number;
  /** A line beside the turns (a camera line of a shot list): it neither asks nor answers. */
  aside?: boolean;
}

/** Whether `s` ends in `?`, perhaps before closing quotes or brackets (`/\?["”’)\]]*$/`). */
export const endsQ = (s: string) => s.charAt(closersStart(s, '"”’)]') - 1) === '?';
export const isQuestionTurn = (s: string) => endsQ(s) && s.length < 700;
export const ADDRESSED = /\b(?:you|your|vous|votre|Sie|Ihre?)\b/;
/** Words of a live blog or a briefing that reports questions without marking them. */
const QUESTION_TALK =
  /\b(?:next question|onto questions|taking questions|takes questions|questions from (?:the )?(?:press|floor|journalists)|asks?|asked)\b/i;
/** What a whole transcript says about its turns, read once before the turns are built. */
export interface DocumentCues {
  /** Paragraphs with a question marker (`Q.`, `Question:`, `Journalist:`). */
  explicitQ: number;
  /** Whether journalists' turns are marked at all (markers or journalist labels). */
  marked: boolean;
  /** An interview or a briefing whose unmarked paragraphs ending in `?` are questions. */
  interview: boolean;
  /** Journalists' turns carry their names as labels (three or more): a paragraph without one goes on with the last voice. */
  named: boolean;
  /** A title that says Q&A. */
  qaTitle: boolean;
  /** Every label's role across the document. */
  roles: Map<string, LabelRole>;
}

/** Words of a chair who gives the floor to someone: "The next question comes from …", "Anna, please". */
const GIVES_TO =
  /\b(?:question|floor|parole|Frage|domanda|pregunta)\b[^.?!]{0,40}\b(?:from|to|comes|goes|est à|à|von|an|a|de)\b|\bplease\b|\bgo ahead\b/i;

/** Whether a chair's turn just before a label gives the floor to the person the label names. */
function calls(before: string, name: string): boolean {
  const surname = name.split(/[,(]/)[0]!.trim().split(/\s+/).pop();
  return (
    !!surname &&
    surname.length > 2 &&
    before.length < 300 &&
    !before.includes('?') &&
    // the name first: a cheap test before the pattern (it tries every word)
    before.includes(surname) &&
    GIVES_TO.test(before)
  );
}

function labelRoles(items: Item[], speakers: Speaker[]): Map<string, LabelRole> {
  return classifyLabels(
    flatMap(items, (i, k) => {
      if (i.m.type !== 'label') return [];
      const before = items[k - 1];
      const afterQuestion =
        !!before && (before.m.type === 'question' || (before.m.type === 'none' && endsQ(before.p.text)));
      // a labelled turn that asks just before: this voice takes up a question, as no chair does
      const afterAsk = before?.m.type === 'label' && endsQ(before.p.text);
      const words = i.p.text.slice(i.m.skip);
      const chair = before ? before.p.text.slice(before.m.skip) : '';
      const called = !!before && calls(chair, i.m.speaker ?? i.m.label!);
      // "The next question comes from Peter Novak": called to ask, even if the text names them elsewhere
      const calledToAsk = called && /\b(?:question|Frage|domanda|pregunta)\b/i.test(chair);
      const next = items[k + 1]?.m;
      return [
        {
          label: i.m.label!,
          text: words,
          afterQuestion,
          afterAsk,
          handover: isHandover(words),
          called,
          calledToAsk,
          ...(next ? { next: next.type === 'label' ? next.label! : '' } : {}),
        },
      ];
    }),
    speakers,
  );
}

/**
 * Reads the document-wide cues: question markers, the roles of labels, and whether it is an
 * interview (`interviewWords`: whether the text's start or title says so, as `INTERVIEW` tests).
 */
export function readCues(
  items: Item[],
  text: string,
  meta: Meta,
  speakers: Speaker[],
  interviewWords: () => boolean,
): DocumentCues {
  const roles = labelRoles(items, speakers);
  const explicitQ = items.filter((i) => i.m.type === 'question').length;
  const plainQ = items.filter(
    (i, k) =>
      i.m.type === 'none' &&
      !i.p.cue &&
      isQuestionTurn(i.p.text) &&
      items[k + 1] &&
      !endsQ(items[k + 1]!.p.text),
  );
  const firstPlain = items.find((i) => i.m.type === 'none');
  // a run of short unmarked questions, each answered by a longer paragraph: an interview's rhythm
  const rhythm =
    plainQ.length >= 3 &&
    plainQ.length * 5 >= items.length &&
    plainQ.filter((i) => i.p.text.length < items[items.indexOf(i) + 1]!.p.text.length).length * 4 >=
      plainQ.length * 3;
  const interview =
    explicitQ < 2 &&
    (rhythm ||
      (plainQ.length >= 2 && (plainQ.some((i) => ADDRESSED.test(i.p.text)) || QUESTION_TALK.test(text))) ||
      (plainQ.length >= 1 && interviewWords()) ||
      (firstPlain !== undefined &&
        plainQ[0] === firstPlain &&
        items.indexOf(firstPlain) === 0 &&
        ADDRESSED.test(firstPlain.p.text) &&
        !OPENING.test(firstPlain.p.text)));
  return {
    explicitQ,
    marked: explicitQ > 0 || [...roles.values()].includes('journalist'),
    named: items.filter((i) => i.m.type === 'label' && roles.get(i.m.label!) === 'journalist').length >= 3,
    interview,
    qaTitle: /\bQ\s*&\s*A\b|questions and answers/i.test(meta.title ?? ''),
    roles,
  };
}

/** The turns built so far and the state of the floor, shared by the rules for marked and unmarked paragraphs. */
export class Turns {
  readonly drafts: Draft[] = [];
  /** The official who has the floor (the last one labelled or handed the floor). */
  floor: string | null = null;
  /** Whether a question (or a Q&A heading) has come: unmarked turns after it answer. */
  sawQuestion: boolean;
  /** After a "Q&A" heading, in a text without question markers, a paragraph that asks is a question. */
  qaHeading = false;

  constructor(
    readonly text: string,
    readonly items: Item[],
    readonly speakers: Speaker[],
    readonly cues: DocumentCues,
  ) {
    // a "Q&A" title says the unmarked turns answer, unless the text marks its questions itself
    this.sawQuestion = cues.qaTitle && cues.explicitQ === 0;
  }

  /** The official a turn without a label is attributed to. */
  get fallback(): string | null {
    return this.speakers[0]?.name ?? null;
  }

  /** The last turn, camera lines left aside. */
  get last(): Draft | undefined {
    for (let i = this.drafts.length - 1; i >= 0; i--) if (!this.drafts[i]!.aside) return this.drafts[i];
    return undefined;
  }

  push(kind: SegmentKind, speaker: string | null, span: { start: number; end: number }, aside = false): void {
    this.drafts.push({ kind, speaker, start: span.start, end: span.end, ...(aside ? { aside } : {}) });
  }

  /** The last turn goes on to the end of `span` (after a camera line: a new segment of the same turn). */
  extend(span: { start: number; end: number }): void {
    const real = this.drafts[this.drafts.length - 1]!;
    const last = this.last;
    if (real.aside && last) this.push(last.kind, last.speaker, span);
    else real.end = span.end;
  }

  /** A question turn; a journalist who opens it with name and outlet is its speaker. */
  ask(speaker: string | null, body: Span): void {
    const intro = speaker ? null : journalistIntro(body.text, this.speakers);
    if (intro) this.push('question', intro.speaker, sub(body, intro.skip, body.text.length));
    else this.push('question', speaker, body);
    this.sawQuestion = true;
  }

  /** An answer by the official who has the floor. */
  answer(body: Span, speaker: string | null = null): void {
    this.push('answer', speaker ?? this.floor ?? this.fallback, body);
  }

  slice(d: Draft): string {
    return this.text.slice(d.start, d.end);
  }
}
