import type { AnyNode, Element, ParentNode } from 'domhandler';
import { compile, selectOne } from 'css-select';
import { isSpace } from '../text/normalize.js';

/** Elements that break a line: paragraphs, headings, list items, cells, line breaks. */
export const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul'.split(
    ' ',
  ),
);

/** A node's children (none for text). */
export const kids = (n: AnyNode): AnyNode[] => (n as unknown as { children?: AnyNode[] }).children ?? [];

const isElement = (n: AnyNode): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/**
 * Visits the nodes under `root` in document order without recursion (a page's depth never
 * reaches the call stack); `visit` returns false to skip a node's children.
 */
export function walk(root: AnyNode, visit: (n: AnyNode) => boolean | void): void {
  const stack: AnyNode[] = [...kids(root)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const cs = kids(n);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
}

/** Every element under a node, in document order (one pass, no CSS selector engine). */
export function elements(root: ParentNode): Element[] {
  const out: Element[] = [];
  walk(root, (n) => {
    if (!isElement(n)) return false;
    out.push(n as Element);
  });
  return out;
}

/** Whitespace that `foldSpaces` changes: anything but a single space between words. */
export const UNFOLDED = /[^\S ]| {2}/;

/**
 * `s.replace(/\s+/g, ' ').trim()`, with a test first: the replace matches every single space
 * and builds a new string even when nothing changes (it was 3% of the clean bench in the line
 * gatherer).
 */
export const foldSpaces = (s: string): string => (UNFOLDED.test(s) ? s.replace(/\s+/g, ' ') : s).trim();

/** The text of a node, whitespace folded. */
export function textOf(n: AnyNode): string {
  if (n.type === 'text') return foldSpaces((n as unknown as { data: string }).data);
  if (n.type !== 'tag') return '';
  const parts: string[] = [];
  walk(n, (x) => {
    if (x.type === 'text') parts.push((x as unknown as { data: string }).data);
    else if (x.type !== 'tag') return false;
    // "Joint press point<br>by A and B" reads with a space, not "pointby"
    else if (BLOCK.has((x as Element).name)) parts.push(' ');
  });
  return foldSpaces(parts.join(''));
}

/**
 * Whether `textOf(n)` is at least `min` characters long, reading its text only until it is:
 * the length of the folded text is counted without building it (a body of several thousand
 * characters is told from a stub after 80).
 */
export function textLengthAtLeast(n: AnyNode, min: number): boolean {
  let length = 0;
  let gap = false;
  /** Counts `s` as `foldSpaces` would keep it: a run of whitespace between words is one space. */
  const add = (s: string): boolean => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) gap = length > 0;
      else {
        length += gap ? 2 : 1;
        gap = false;
        if (length >= min) return true;
      }
    }
    return false;
  };
  if (min <= 0) return true;
  if (n.type === 'text') return add((n as unknown as { data: string }).data);
  if (n.type !== 'tag') return false;
  let done = false;
  walk(n, (x) => {
    if (done) return false;
    if (x.type === 'text') done = add((x as unknown as { data: string }).data);
    else if (x.type !== 'tag') return false;
    else if (BLOCK.has((x as Element).name)) done = add(' ');
  });
  return done;
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let p: AnyNode | null = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}

/** Takes a node out of the tree. */
export function remove(n: AnyNode): void {
  const parent = n.parent;
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  if (parent) {
    const i = parent.children.indexOf(n as Element);
    if (i >= 0) parent.children.splice(i, 1);
  }
  n.prev = n.next = n.parent = null;
}

const compiled = new Map<string, ReturnType<typeof compile<AnyNode, Element>>>();

/** The first element under `root` that matches a CSS selector (compiled once per selector). */
export function firstMatch(root: ParentNode, selector: string): Element | null {
  let q = compiled.get(selector);
  if (!q) compiled.set(selector, (q = compile<AnyNode, Element>(selector)));
  return selectOne<AnyNode, Element>(q, root.children);
}
