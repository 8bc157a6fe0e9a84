import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const kids = (n: AnyNode): AnyNode[] => (n as unknown as { children?: AnyNode[] }).children ?? [];

/** Every element under the document, in document order (one pass, no CSS selector engine). */
export function elements($: CheerioAPI): Element[] {
  const out: Element[] = [];
  const walk = (n: AnyNode) => {
    for (const c of kids(n)) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        out.push(c as Element);
        walk(c);
      }
    }
  };
  for (const r of $.root().toArray()) walk(r);
  return out;
}

/** The text of a node, whitespace folded. */
export function textOf(n: AnyNode): string {
  let s = '';
  const walk = (x: AnyNode) => {
    if (x.type === 'text') s += (x as unknown as { data: string }).data;
    else if (x.type === 'tag') for (const c of kids(x)) walk(c);
  };
  walk(n);
  return s.replace(/\s+/g, ' ').trim();
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let p: AnyNode | null = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}
