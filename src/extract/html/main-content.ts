import type { Element, ParentNode } from 'domhandler';
import { isSpace } from '../text/normalize.js';
import { UNFOLDED, walk } from './dom.js';

const CANDIDATE = new Set(['article', 'main', 'section', 'div', 'td']);
const SCORED = new Set(['p', 'pre', 'blockquote', 'li', 'td', 'div']);
const HAS_BLOCK_CHILD = new Set(['p', 'div', 'ul', 'ol', 'table', 'section', 'article']);
const UNLIKELY =
  /comment|footer|header|menu|sidebar|sponsor|promo|banner|popup|widget|teaser|card-list|pager|pagination/i;
const LIKELY =
  /article|body|content|entry|main|post|text|story|transcript|field--name-field-text|text-formatted/i;

export interface Stat {
  text: number;
  links: number;
  commas: number;
}

/**
 * Adds one text node to a tally: its length with whitespace folded (`s.replace(/\s+/g, ' ').trim()`,
 * without building the string) and its commas. Most text nodes have no whitespace but single
 * spaces: one regex run says so, and their folded length is their length less a space at either
 * end (the loop below reads a character at a time; it was 3% of the clean bench).
 */
function tally(s: string, into: Stat): void {
  if (UNFOLDED.test(s)) return tallyLoop(s, into);
  const len = s.length;
  into.text +=
    len - (len && s.charCodeAt(0) === 32 ? 1 : 0) - (len > 1 && s.charCodeAt(len - 1) === 32 ? 1 : 0);
  for (let i = s.indexOf(','); i >= 0; i = s.indexOf(',', i + 1)) into.commas++;
}

/** `tally` for text with runs of whitespace, line breaks or tabs. */
function tallyLoop(s: string, into: Stat): void {
  let n = 0;
  let commas = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) gap = n > 0;
    else {
      if (c === 44) commas++;
      if (gap) n++;
      gap = false;
      n++;
    }
  }
  into.text += n;
  into.commas += commas;
}

/** One pass over the tree (children before parents, no recursion): text length, link text length and commas of every element. */
export function measure(root: ParentNode): Map<Element, Stat> {
  const stats = new Map<Element, Stat>();
  const order: Element[] = [];
  walk(root, (n) => {
    if (n.type !== 'tag') return false;
    order.push(n as Element);
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const own: Stat = { text: 0, links: 0, commas: 0 };
    for (const c of el.children) {
      if (c.type === 'text') tally(c.data, own);
      else if (c.type === 'tag') {
        const s = stats.get(c)!;
        own.text += s.text;
        own.commas += s.commas;
        own.links += c.name === 'a' ? s.text : s.links;
      }
    }
    stats.set(el, own);
  }
  return stats;
}

/**
 * Finds the element that holds a page's main text, on page templates never seen before:
 * every paragraph scores its parent and grandparent by its length and commas; class and id
 * names nudge the score; the score is discounted by link density (menus and related lists
 * are mostly links). Returns null when no element holds enough text.
 */
export function mainContent(root: ParentNode): { node: Element; stats: Map<Element, Stat> } | null {
  const stats = measure(root);
  const scores = new Map<Element, number>();
  for (const [el, st] of stats) {
    if (!SCORED.has(el.name) || st.text < 25) continue;
    if (
      el.name === 'div' &&
      el.children.some((c) => c.type === 'tag' && HAS_BLOCK_CHILD.has((c as Element).name))
    )
      continue;
    const score = 1 + st.commas + Math.min(Math.floor(st.text / 100), 3);
    const parent = el.parent as Element | null;
    if (parent?.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parent as Element | null;
    if (grand?.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    if (!CANDIDATE.has(el.name)) continue;
    const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    let s = raw;
    if (LIKELY.test(cls)) s *= 1.25;
    if (UNLIKELY.test(cls) && !LIKELY.test(cls)) s *= 0.3;
    const st = stats.get(el)!;
    s *= 1 - Math.min(st.links / (st.text || 1), 0.95);
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best || bestScore < 3) return null;
  return { node: best, stats };
}
