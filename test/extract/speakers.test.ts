import { describe, expect, it } from 'vitest';
import { findSpeakers, ROLE_HINT, ROLE_KEY, ROLE_SOURCE } from '../../src/extract/meta/speakers.js';

/** A piece of a pattern: a literal, a choice of characters, a group of alternatives, a repeat. */
type Node =
  | { kind: 'chars'; options: string[] }
  | { kind: 'alt'; branches: Node[][] }
  | { kind: 'repeat'; node: Node; min: number };

/** What a class or an escape stands for in the samples: one character of each kind it allows. */
function escape(src: string, i: number): [string[], number] {
  const c = src[i + 1]!;
  if (c === 's') return [[' '], i + 2];
  if (c === 'p') {
    const end = src.indexOf('}', i);
    return [[src.slice(i + 3, end) === 'Ll' ? 'x' : 'Q'], end + 1];
  }
  return [[c], i + 2];
}

/** Parses the subset of pattern syntax ROLE is written in (literals, classes, groups, ? * +). */
function parse(src: string, i = 0): [Node[][], number] {
  const branches: Node[][] = [[]];
  while (i < src.length && src[i] !== ')') {
    let node: Node;
    if (src[i] === '|') {
      branches.push([]);
      i++;
      continue;
    } else if (src[i] === '(') {
      // "(?:" or "(?=": a lookahead is written out in the samples (what ROLE needs after its words)
      const [inner, end] = parse(src, i + 3);
      node = { kind: 'alt', branches: inner };
      i = end + 1;
    } else if (src[i] === '[') {
      const options: string[] = [];
      i++;
      while (src[i] !== ']') {
        if (src[i] === '\\') {
          const [o, next] = escape(src, i);
          options.push(...o);
          i = next;
        } else options.push(src[i++]!);
      }
      i++;
      node = { kind: 'chars', options };
    } else if (src[i] === '\\') {
      const [o, next] = escape(src, i);
      node = { kind: 'chars', options: o };
      i = next;
    } else node = { kind: 'chars', options: [src[i++]!] };
    const q = src[i];
    if (q === '?' || q === '*' || q === '+') {
      node = { kind: 'repeat', node, min: q === '+' ? 1 : 0 };
      i++;
    }
    branches[branches.length - 1]!.push(node);
  }
  return [branches, i];
}

/** Strings a sequence of pieces matches: every option of every choice, each repeat absent and once. */
function samples(seq: Node[]): string[] {
  let out = [''];
  for (const n of seq) {
    const here =
      n.kind === 'chars'
        ? n.options
        : n.kind === 'alt'
          ? n.branches.flatMap(samples)
          : [...(n.min ? [] : ['']), ...samples([n.node])];
    out = out.flatMap((a) => here.map((b) => a + b));
  }
  return out;
}

describe('ROLE_KEY', () => {
  const [branches] = parse(ROLE_SOURCE);
  const all = branches.flatMap(samples);
  const role = new RegExp(`^${ROLE_SOURCE}`, 'iu');

  it('the samples are roles (the sampler reads ROLE right)', () => {
    expect(all.length).toBeGreaterThan(200);
    for (const s of all) expect(role.test(s), s).toBe(true);
  });

  it('every role holds a key word, in any case', () => {
    for (const s of all)
      for (const v of [s, s.toUpperCase(), s.toLowerCase()]) expect(ROLE_KEY.test(v), v).toBe(true);
  });

  it('every role holds a hint word in the case it is written in (the role rules run only where one is)', () => {
    for (const s of all) expect(ROLE_HINT.test(s), s).toBe(true);
  });

  it('reads a German commissioner written "Kommissar" before the name', () => {
    expect(
      findSpeakers('EU-Kommissar Jonas Lind sagte am Montag in Brüssel, die Regeln kämen bald.'),
    ).toEqual([{ name: 'Jonas Lind', role: 'EU-Kommissar' }]);
  });

  it("before its first key word a role holds only letters, spaces, / - ’ and ' (roleSearchStart)", () => {
    for (const s of all) {
      const before = s.slice(0, ROLE_KEY.exec(s)!.index);
      expect(/^[\p{L}\s/’'-]*$/u.test(before), s).toBe(true);
    }
  });

  it('a role after other words and signs is still found', () => {
    expect(findSpeakers('Brussels, 12 May: statement by High Representative Kaja Kallas')).toEqual([
      { name: 'Kaja Kallas', role: 'High Representative' },
    ]);
    expect(findSpeakers('12.05. – EU-Handelskommissar Anna Berg in Berlin')).toEqual([
      { name: 'Anna Berg', role: 'EU-Handelskommissar' },
    ]);
  });

  it('finds every role before a name, after other words and signs between them (the search restarts at each)', () => {
    expect(
      findSpeakers(
        'Statement by High Representative Kaja Kallas (Brussels, 3 May 2026); joined later by Commissioner Anna Berg and by the ECB: President Jonas Lind.',
      ),
    ).toEqual([
      { name: 'Kaja Kallas', role: 'High Representative' },
      { name: 'Anna Berg', role: 'Commissioner' },
      { name: 'Jonas Lind', role: 'President' },
    ]);
  });

  it('most names hold none', () => {
    for (const n of ['Kaja Kallas', 'Christine Lagarde', 'Luis de Guindos', 'Ursula von der Leyen'])
      expect(ROLE_KEY.test(n), n).toBe(false);
  });
});
