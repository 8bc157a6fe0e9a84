import type { AnyNode, Element, ParentNode } from 'domhandler';
import { compile, selectOne } from 'css-select';

const kids = (n: AnyNode): AnyNode[] => (n as unknown as { children?: AnyNode[] }).children ?? [];

function collectElements(n: AnyNode, out: Element[]): void {
  for (const c of kids(n)) {
    if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
      out.push(c as Element);
      collectElements(c, out);
    }
  }
}

/** Every element under a node, in document order (one pass, no CSS selector engine). */
export function elements(root: ParentNode): Element[] {
  const out: Element[] = [];
  collectElements(root, out);
  return out;
}

function collectText(x: AnyNode, parts: string[]): void {
  if (x.type === 'text') parts.push((x as unknown as { data: string }).data);
  else if (x.type === 'tag') for (const c of kids(x)) collectText(c, parts);
}

/** The text of a node, whitespace folded. */
export function textOf(n: AnyNode): string {
  const parts: string[] = [];
  collectText(n, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
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
