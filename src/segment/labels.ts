import type { Speaker } from '../schemas/record.js';

/** How a speaker label is treated across one transcript. */
export type LabelRole = 'journalist' | 'official' | 'moderator';

const JOURNALIST =
  /^(?:journalist|reporter|question|q|frage|interviewer|questioner|audience|participant|press)\b/i;
/** A chair's label: `Moderator:`, or a name with the role after it (`Anna Sundberg (Moderator):`, `Anna Sundberg, host:`). */
const MODERATOR =
  /^(?:moderator|chair|host|mc|presenter|anchor)\b|[(,]\s*(?:moderator|moderatorin|modératrice|modérateur|moderatore|moderadora?|chair|host|presenter|anchor)\s*\)?$/i;
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
  turns: {
    label: string;
    text: string;
    afterQuestion?: boolean;
    /** The turn before is a labelled turn that asks. */
    afterAsk?: boolean;
    handover?: boolean;
    called?: boolean;
    /** The chair called this voice for a question. */
    calledToAsk?: boolean;
    /** The label of the turn that follows: empty when that turn has none, absent at the end. */
    next?: string;
  }[],
  known: Speaker[],
): Map<string, LabelRole> {
  // most texts have no labels: nothing to read of the known speakers either
  if (!turns.length) return new Map();
  // "Caren Miosga:" then "Miosga:" is one voice: counted by surname
  const stats = new Map<
    string,
    {
      n: number;
      q: number;
      answers: number;
      afterAsk: number;
      handovers: number;
      called: number;
      calledToAsk: number;
      labels: Set<string>;
    }
  >();
  // a transcript repeats its few labels: the last word of each is read once
  const lasts = new Map<string, string>();
  const lastOf = (label: string) => {
    let l = lasts.get(label);
    if (l === undefined) lasts.set(label, (l = last(label)));
    return l;
  };
  for (const t of turns) {
    const key = lastOf(t.label);
    const s = stats.get(key) ?? {
      n: 0,
      q: 0,
      answers: 0,
      afterAsk: 0,
      handovers: 0,
      called: 0,
      calledToAsk: 0,
      labels: new Set<string>(),
    };
    s.n++;
    s.labels.add(t.label);
    if (t.afterQuestion) s.answers++;
    if (t.afterAsk) s.afterAsk++;
    if (t.handover) s.handovers++;
    if (t.called) s.called++;
    if (t.calledToAsk) s.calledToAsk++;
    // asking the room for questions ("More questions for Christian?") is no question of one’s own
    if (/\?/.test(t.text) && !t.handover) s.q++;
    stats.set(key, s);
  }
  const knownLast = new Set(known.map((k) => last(k.name)));
  const role = new Map<string, LabelRole>();
  const sure = new Set<string>();
  const byName = new Set<string>();
  for (const [key, s] of stats) {
    const label = [...s.labels][0]!;
    const labels = [...s.labels];
    if (labels.some((l) => MODERATOR.test(l))) role.set(key, 'moderator');
    else if (labels.some((l) => JOURNALIST.test(l))) role.set(key, 'journalist');
    // a voice that gives the floor several times and never answers chairs the conference
    else if (s.handovers >= 2 && !s.answers && !s.afterAsk) role.set(key, 'moderator');
    else if (labels.some((l) => OFFICIAL.test(l))) role.set(key, 'official');
    // a voice the chair calls by name to ask, and that never answers a question, is a journalist's
    else if (s.called && !s.answers && (!knownLast.has(key) || s.q * 2 >= s.n || s.calledToAsk))
      role.set(key, 'journalist');
    else if (knownLast.has(lastOf(label))) {
      role.set(key, 'official');
      byName.add(key);
    } else {
      role.set(key, s.q / s.n >= 0.5 ? 'journalist' : 'official');
      continue;
    }
    sure.add(key);
  }
  const asks = (k: string) => stats.get(k)!.q / stats.get(k)!.n;
  const keys = [...stats.keys()];
  // one known official takes up every turn of the other voices (a closing word at the very end
  // aside), none of which answers a question: they interview, even without `?` ("This morning …")
  const officials = keys.filter((k) => sure.has(k) && role.get(k) === 'official');
  if (officials.length === 1) {
    const taken = new Map<string, number>();
    const left = new Set<string>();
    for (const t of turns) {
      const k = lastOf(t.label);
      if (t.next !== undefined && lastOf(t.next) === officials[0]) taken.set(k, (taken.get(k) ?? 0) + 1);
      else if (t.next !== undefined) left.add(k);
    }
    for (const k of keys)
      if (!sure.has(k) && !stats.get(k)!.answers && taken.get(k) && !left.has(k)) role.set(k, 'journalist');
  }
  // nobody asks, yet a voice known only by name keeps asking while another answers: the interviewer
  if (![...role.values()].includes('journalist') && keys.some((k) => asks(k) < 0.5))
    for (const k of byName) if (asks(k) >= 0.5 && stats.get(k)!.n >= 2) role.set(k, 'journalist');
  const out = new Map<string, LabelRole>();
  for (const [key, s] of stats) for (const l of s.labels) out.set(l, role.get(key)!);
  return out;
}
