/**
 * The shape generator: a transcript whose turns are known, re-rendered as a plain-text capture in
 * each of the ways real press transcripts mark their turns. Segmentation must recover the same
 * question and answer turns from every rendering.
 */
import { detectLanguage } from '../../../src/extract/meta/language.js';

/** One question turn and the answer that follows it, as paragraphs. */
export interface KnownExchange {
  question: string[];
  answer: string[];
}

/** A transcript whose turns are known: a title, the official who answers, remarks, then exchanges. */
export interface KnownTranscript {
  id: string;
  title: string;
  official: { name: string; role: string };
  /** Paragraphs of remarks before the first question (may be empty). */
  opening: string[];
  exchanges: KnownExchange[];
}

export interface Convention {
  name: string;
  /** Whether the convention is an interview (no opening statement, interviewer and interviewee). */
  interview?: boolean;
  render(t: KnownTranscript): string;
}

const JOURNALISTS = [
  ['Peter Novak', 'Reuters'],
  ['Marie Dubois', 'Agence Europe'],
  ['Jonas Keller', 'ARD'],
  ['Elena Rossi', 'ANSA'],
  ['Tomás Ruiz', 'EFE'],
] as const;
const journalist = (i: number) => JOURNALISTS[i % JOURNALISTS.length]!;

const surname = (name: string) => name.split(' ').pop()!;
const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');

/** The paragraphs of a turn with a marker before the first one. */
const marked = (marker: string, paras: string[]) => [`${marker}${paras[0]!}`, ...paras.slice(1)];

/** A rendering built from the title, the opening and, per exchange, the question's and the answer's paragraphs. */
function layout(
  t: KnownTranscript,
  turn: (e: KnownExchange, i: number) => string[],
  opts: { opening?: (paras: string[]) => string[]; intro?: string[] } = {},
): string {
  const opening = t.opening.length ? (opts.opening ?? ((p: string[]) => p))(t.opening) : [];
  const paras = [t.title, ...(opts.intro ?? []), ...opening, ...t.exchanges.flatMap(turn)];
  return paras.join('\n\n');
}

const unmarked =
  (marker: string, answer = '') =>
  (t: KnownTranscript) =>
    layout(t, (e) => [...marked(marker, e.question), ...marked(answer, e.answer)]);

/** Turns of an interview without a question mark: the interviewer's prompt ends with a full stop. */
const noMark = (paras: string[]) => {
  const last = paras[paras.length - 1]!;
  return [...paras.slice(0, -1), last.replace(/\?(["”»]?)$/, '.$1')];
};

/** The language the turns are written in, for the lines a capture adds around them (an intro). */
const languageOf = (t: KnownTranscript) =>
  detectLanguage(t.exchanges.flatMap((e) => [...e.question, ...e.answer]).join(' ')) ?? 'en';

/** An interview's intro in the transcript's language: who speaks to whom. */
const interviewIntro = (t: KnownTranscript, who: string) => {
  const { name, role } = t.official;
  const intro: Record<string, string> = {
    fr: `${name}, ${role}, a parlé avec ${who} des questions de la semaine.`,
    de: `${name}, ${role}, sprach mit ${who} über die Fragen der Woche.`,
    es: `${name}, ${role}, habló con ${who} sobre las cuestiones de la semana.`,
    it: `${name}, ${role}, ha parlato con ${who} delle questioni della settimana.`,
  };
  return intro[languageOf(t)] ?? `${name}, ${role}, spoke to ${who} about the questions of the week.`;
};

/** An initials interview's intro in the transcript's language: who is who. */
const initialsIntro = (t: KnownTranscript, me: string, them: string) => {
  const { name, role } = t.official;
  const [j, outlet] = journalist(0);
  const intro: Record<string, string> = {
    fr: `Entretien avec ${name} (${me}), ${role}, par ${j} (${them}) de ${outlet}.`,
    de: `Interview mit ${name} (${me}), ${role}. Das Gespräch führte ${j} (${them}) für ${outlet}.`,
    es: `Entrevista con ${name} (${me}), ${role}, por ${j} (${them}) de ${outlet}.`,
    it: `Intervista a ${name} (${me}), ${role}. Ha condotto l'intervista ${j} (${them}) per ${outlet}.`,
  };
  return intro[languageOf(t)] ?? `Interview with ${name} (${me}), ${role}, by ${j} (${them}) of ${outlet}.`;
};

export const CONVENTIONS: Convention[] = [
  { name: 'Q.', render: unmarked('Q. ') },
  { name: 'Q: / A:', render: unmarked('Q: ', 'A: ') },
  { name: 'Question: / Answer:', render: unmarked('Question: ', 'Answer: ') },
  {
    name: 'Journalist (Outlet):',
    render: (t) =>
      layout(t, (e, i) => [...marked(`Journalist (${journalist(i)[1]}): `, e.question), ...e.answer]),
  },
  {
    name: 'Name, Outlet:',
    render: (t) =>
      layout(
        t,
        (e, i) => [
          ...marked(`${journalist(i).join(', ')}: `, e.question),
          ...marked(`${t.official.name}: `, e.answer),
        ],
        { opening: (p) => marked(`${t.official.name}: `, p) },
      ),
  },
  {
    name: 'Journalist (Outlet) after the question',
    render: (t) => layout(t, (e, i) => [...e.question, `Journalist (${journalist(i)[1]})`, ...e.answer]),
  },
  {
    name: 'bare Journalist line, name-only answer label',
    render: (t) => layout(t, (e) => [...e.question, 'Journalist', t.official.name, ...e.answer]),
  },
  {
    name: 'name-only labels',
    interview: true,
    render: (t) =>
      layout(t, (e, i) => [journalist(i)[0], ...e.question, t.official.name, ...e.answer], {
        opening: () => [],
        intro: [interviewIntro(t, `${journalist(0)[0]} and ${journalist(1)[0]}`)],
      }),
  },
  {
    name: 'initials interview',
    interview: true,
    render: (t) => {
      const me = initials(t.official.name);
      const them = me === 'M' ? 'R' : 'M';
      return layout(
        t,
        (e, i) => [
          ...marked(`${them}: `, i % 2 ? noMark(e.question) : e.question),
          ...marked(`${me}: `, e.answer),
        ],
        {
          opening: () => [],
          intro: [initialsIntro(t, me, them)],
        },
      );
    },
  },
  {
    name: 'Reporters ask: / SOT / camera lines',
    render: (t) =>
      layout(
        t,
        (e) => [
          `Reporters ask: "${e.question.join(' ')}"`,
          `W/S ${surname(t.official.name)} leaves the car *CUTAWAY*`,
          `SOT, ${t.official.name}, ${t.official.role}: "${e.answer.join(' ')}"`,
        ],
        {
          opening: (p) => [
            `M/S ${surname(t.official.name)} arrives at the building`,
            `SOT, ${t.official.name}, ${t.official.role}: "${p.join(' ')}"`,
          ],
        },
      ),
  },
  {
    name: 'moderated conference',
    render: (t) =>
      layout(
        t,
        (e, i) => [
          `Moderator: Thank you. The next question comes from ${journalist(i)[0]}, ${journalist(i)[1]}.`,
          ...marked(`${journalist(i)[0]} (${journalist(i)[1]}): `, e.question),
          ...marked(`${t.official.name.toUpperCase()}: `, e.answer),
        ],
        {
          opening: (p) => [
            'Moderator: Good afternoon. The minister will make a statement, then take your questions.',
            ...marked(`${t.official.name.toUpperCase()}: `, p),
          ],
        },
      ),
  },
  { name: 'French Question : / Réponse :', render: unmarked('Question : ', 'Réponse : ') },
  { name: 'German Frage: / Antwort:', render: unmarked('Frage: ', 'Antwort: ') },
  { name: 'Spanish Pregunta.- / Respuesta.-', render: unmarked('Pregunta.- ', 'Respuesta.- ') },
  { name: 'Italian Domanda: / Risposta:', render: unmarked('Domanda: ', 'Risposta: ') },
  { name: 'Spanish P.– / R.–', render: unmarked('P.– ', 'R.– ') },
  { name: 'Italian D. / R.', render: unmarked('D. ', 'R. ') },
  {
    name: 'CRLF and mixed blank lines',
    render: (t) => {
      const breaks = ['\r\n', '\r\n\r\n', '\r\n \r\n\r\n'];
      return unmarked('Q. ')(t)
        .split('\n\n')
        .map((p, i) => (i ? breaks[i % breaks.length]! : '') + p)
        .join('');
    },
  },
];
