import type { Speaker } from '../schemas/record.js';

/** How a speaker label is treated across one transcript. */
export type LabelRole = 'journalist' | 'official' | 'moderator';

const JOURNALIST =
  /^(?:journalist|reporter|question|q|frage|interviewer|questioner|audience|participant|press)\b/i;
const MODERATOR = /^(?:moderator|chair|host|mc|presenter|anchor)\b/i;
const OFFICIAL =
  /\b(?:president|vice[- ]president|minister|secretary|commissioner|high representative|hr\/vp|chancellor|spokes(?:person|man|woman)|governor|director|ambassador|prime|premier|président|präsident|ministre|mr|mrs|ms|madam)\b/i;

const last = (s: string) =>
  s
    .toLowerCase()
    .replace(/[,(].*$/, '')
    .trim()
    .split(/\s+/)
    .pop() ?? '';

/**
 * Decides, for every label of a transcript, whether it is a journalist, an official or a
 * moderator: by its wording (`Journalist:`, `PRESIDENT MICHEL:`), by the officials already
 * named in the metadata, by whether it keeps handing the floor over without answering, and
 * otherwise by how often the label's turns ask questions.
 */
export function classifyLabels(
  turns: { label: string; text: string; afterQuestion?: boolean; handover?: boolean }[],
  known: Speaker[],
): Map<string, LabelRole> {
  const stats = new Map<string, { n: number; q: number; answers: number; handovers: number }>();
  for (const t of turns) {
    const s = stats.get(t.label) ?? { n: 0, q: 0, answers: 0, handovers: 0 };
    s.n++;
    if (t.afterQuestion) s.answers++;
    if (t.handover) s.handovers++;
    if (/\?/.test(t.text)) s.q++;
    stats.set(t.label, s);
  }
  const knownLast = new Set(known.map((k) => last(k.name)));
  const out = new Map<string, LabelRole>();
  const sure = new Set<string>();
  for (const [label, s] of stats) {
    if (MODERATOR.test(label)) out.set(label, 'moderator');
    else if (JOURNALIST.test(label)) out.set(label, 'journalist');
    // a voice that gives the floor several times and never answers chairs the conference
    else if (s.handovers >= 2 && !s.answers) out.set(label, 'moderator');
    else if (OFFICIAL.test(label) || knownLast.has(last(label))) out.set(label, 'official');
    else {
      out.set(label, s.q / s.n >= 0.5 ? 'journalist' : 'official');
      continue;
    }
    sure.add(label);
  }
  // a dialogue between one known official and one other voice: the other voice asks
  const labels = [...stats.keys()];
  if (labels.length === 2) {
    const [a, b] = labels as [string, string];
    if (sure.has(a) && out.get(a) === 'official' && !sure.has(b) && !stats.get(b)!.answers)
      out.set(b, 'journalist');
    if (sure.has(b) && out.get(b) === 'official' && !sure.has(a) && !stats.get(a)!.answers)
      out.set(a, 'journalist');
  }
  return out;
}
