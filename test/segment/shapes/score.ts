import { extractPlainText } from '../../../src/extract/plain-text.js';
import { addSpeaker } from '../../../src/extract/meta/speakers.js';
import { segmentTranscript } from '../../../src/segment/index.js';
import type { Convention, KnownExchange, KnownTranscript } from './conventions.js';

/** First five words as the corpus scorer compares them: case, quotes, punctuation and spacing folded. */
export const first5 = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .slice(0, 5)
    .join(' ');

export interface ShapeResult {
  /** Every question found, no other, and every answer paired with its question. */
  ok: boolean;
  questions: { expected: number; matched: number; found: number };
  answers: { expected: number; matched: number };
  /** What went wrong, for a reader: the first differences. */
  problems: string[];
}

/**
 * Renders a known transcript in one convention, cleans it as a plain-text capture, segments it,
 * and compares the question turns and the answers paired with them to the known ones.
 */
export function checkShape(t: KnownTranscript, c: Convention): ShapeResult {
  const capture = c.render(t);
  const { text, meta } = extractPlainText(capture);
  // the official the real page names in its title or lead (the re-rendered title may not)
  addSpeaker(meta.speakers, t.official.name, t.official.role);
  const { segments } = segmentTranscript(text, meta);
  const expected = t.exchanges.map((e) => ({ q: first5(e.question[0]!), a: first5(e.answer[0]!) }));
  const found = segments.filter((s) => s.kind === 'question');
  const problems: string[] = [];
  let matched = 0;
  let paired = 0;
  let from = 0;
  for (const q of found) {
    const j = expected.findIndex((e, x) => x >= from && e.q === first5(q.text));
    if (j < 0) {
      problems.push(`extra question «${q.text.slice(0, 60)}»`);
      continue;
    }
    for (let x = from; x < j; x++) problems.push(`missed question «${expected[x]!.q}»`);
    from = j + 1;
    matched++;
    const after = segments
      .slice(segments.indexOf(q) + 1)
      .find((s) => s.kind !== 'remarks' && s.kind !== 'other');
    if (after?.kind === 'answer' && first5(after.text) === expected[j]!.a) paired++;
    else
      problems.push(
        `answer to «${expected[j]!.q}»: got ${after?.kind ?? 'nothing'} «${after?.text.slice(0, 50)}»`,
      );
  }
  for (let x = from; x < expected.length; x++) problems.push(`missed question «${expected[x]!.q}»`);
  return {
    ok: matched === expected.length && found.length === expected.length && paired === expected.length,
    questions: { expected: expected.length, matched, found: found.length },
    answers: { expected: expected.length, matched: paired },
    problems,
  };
}

export interface ConventionRate {
  convention: string;
  passed: number;
  total: number;
  questionRecall: number;
  answerRecall: number;
  failures: { id: string; problems: string[] }[];
}

/** Pass rate of every convention over a set of known transcripts. */
export function rates(transcripts: KnownTranscript[], conventions: Convention[]): ConventionRate[] {
  return conventions.map((c) => {
    let passed = 0;
    let qe = 0;
    let qm = 0;
    let am = 0;
    const failures: ConventionRate['failures'] = [];
    for (const t of transcripts) {
      const r = checkShape(t, c);
      qe += r.questions.expected;
      qm += r.questions.matched;
      am += r.answers.matched;
      if (r.ok) passed++;
      else failures.push({ id: t.id, problems: r.problems });
    }
    const ratio = (a: number) => (qe ? a / qe : 1);
    return {
      convention: c.name,
      passed,
      total: transcripts.length,
      questionRecall: ratio(qm),
      answerRecall: ratio(am),
      failures,
    };
  });
}

/** A table of pass rates, one convention a line. */
export function formatRates(rs: ConventionRate[]): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = rs.map(
    (r) =>
      `${r.convention.padEnd(44)} ${`${r.passed}/${r.total}`.padStart(7)} ${pct(r.total ? r.passed / r.total : 1).padStart(7)}` +
      `   questions ${pct(r.questionRecall).padStart(7)}   answers ${pct(r.answerRecall).padStart(7)}`,
  );
  return [`${'convention'.padEnd(44)} ${'passed'.padStart(7)} ${'rate'.padStart(7)}`, ...lines].join('\n');
}

/** A pattern for a gold turn's first five words inside the clean text (quotes inside words optional). */
function wordsPattern(gold: string): RegExp {
  const words = first5(gold).split(' ').filter(Boolean);
  const word = (w: string) =>
    [...w].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\u2018\u2019\u201c\u201d"\'`]*');
  return new RegExp(words.map(word).join('[^\\p{L}\\p{N}]+'), 'giu');
}

/** The offset where a paragraph break last occurs before `at` (and after `from`), or `at`. */
const paragraphEnd = (text: string, from: number, at: number) => {
  const k = text.lastIndexOf('\n\n', at);
  return k > from ? k : at;
};

/** A question's last paragraphs that only name the journalist ("Journalist (Reuters)", "Peter Novak"). */
const BYLINE_PARA = /^[^.?!]{1,60}$/u;

/**
 * A known transcript from a corpus document and its gold: the clean text is cut where each gold
 * question and answer begins (their first five words). Null when a turn cannot be found in order.
 */
export function fromGold(
  id: string,
  capture: string,
  gold: { title: string | null; speakers: string[]; questions: string[]; answers: (string | null)[] },
): KnownTranscript | null {
  const { text } = extractPlainText(capture);
  const starts: number[] = [];
  let pos = 0;
  const n = gold.answers.findIndex((a) => a == null);
  const count = n < 0 ? gold.questions.length : n;
  if (!count || !gold.speakers.length) return null;
  for (let i = 0; i < count; i++) {
    for (const g of [gold.questions[i]!, gold.answers[i]!]) {
      const re = wordsPattern(g);
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1]!))) return null;
      starts.push(m.index);
      pos = m.index + m[0].length;
    }
  }
  // a question the capture cuts off before its answer ends the last answer (it is left out)
  let end = text.length;
  if (count < gold.questions.length) {
    const re = wordsPattern(gold.questions[count]!);
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) end = m.index;
  }
  const paras = (a: number, b: number) =>
    text
      .slice(a, b)
      .split(/\n\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
  const exchanges: KnownExchange[] = [];
  for (let i = 0; i < count; i++) {
    const q = starts[2 * i]!;
    const a = starts[2 * i + 1]!;
    const next = starts[2 * i + 2] ?? end;
    const question = paras(q, paragraphEnd(text, q, a));
    while (question.length > 1 && BYLINE_PARA.test(question[question.length - 1]!)) question.pop();
    const answer = paras(a, paragraphEnd(text, a, i + 1 < count ? next : end));
    if (!question.length || !answer.length) return null;
    exchanges.push({ question, answer });
  }
  return {
    id,
    title: gold.title ?? 'Press remarks',
    official: { name: gold.speakers[0]!, role: 'Minister' },
    opening: paras(0, paragraphEnd(text, 0, starts[0]!)),
    exchanges,
  };
}
