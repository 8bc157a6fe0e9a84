import type { AnyNode, Element, ParentNode } from 'domhandler';
import { firstMatch, remove, textOf } from './dom.js';

const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul'.split(
    ' ',
  ),
);

const NOISE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'input',
  'textarea',
  'form',
  'nav',
]);
const NOISE_ROLES = new Set(['navigation', 'banner', 'contentinfo']);
/** Class or id words of page furniture that is never part of a transcript. */
export const NOISE_CLASS =
  /cookie|consent|gdpr|share|social|breadcrumb|newsletter|related|skip-link|language-selector|lang-select|visually-hidden|sr-only|donat/i;

const isNoise = (el: Element): boolean =>
  NOISE_TAGS.has(el.name) ||
  NOISE_ROLES.has(el.attribs.role ?? '') ||
  el.attribs['aria-hidden'] === 'true' ||
  el.attribs.hidden !== undefined ||
  NOISE_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);

const children = (n: AnyNode): AnyNode[] => (n as unknown as { children?: AnyNode[] }).children ?? [];

function collectNoise(n: AnyNode, pageChrome: boolean, doomed: Element[]): void {
  for (const c of children(n)) {
    if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') continue;
    const el = c as Element;
    const chrome =
      pageChrome &&
      (el.name === 'footer' ||
        el.name === 'aside' ||
        (el.name === 'header' && (el.parent as Element | null)?.name === 'body'));
    if (chrome || isNoise(el)) doomed.push(el);
    else collectNoise(c, pageChrome, doomed);
  }
}

/** Removes the page furniture that is never part of a transcript: scripts, menus, banners, share bars, forms, related lists. */
export function stripNoise(root: ParentNode, pageChrome = false): void {
  const doomed: Element[] = [];
  collectNoise(root, pageChrome, doomed);
  for (const el of doomed) remove(el);
}

/** Lines being gathered: the finished ones and the text of the block still open. */
interface LineState {
  lines: string[];
  cur: string;
}

function flush(st: LineState): void {
  const t = st.cur.replace(/\s+/g, ' ').trim();
  if (t) st.lines.push(t);
  st.cur = '';
}

const BLANK_AFTER = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li']);

function gatherLines(node: AnyNode, st: LineState): void {
  if (node.type === 'text') {
    st.cur += (node as unknown as { data: string }).data;
    return;
  }
  if (node.type === 'root') {
    for (const c of children(node)) gatherLines(c, st);
    return;
  }
  if (node.type !== 'tag') return; // scripts and styles hold no text to keep
  const el = node as Element;
  const block = BLOCK.has(el.name);
  if (block) flush(st);
  for (const c of el.children) gatherLines(c, st);
  if (block) {
    flush(st);
    if (BLANK_AFTER.has(el.name)) st.lines.push('');
  }
}

/** The text of an element as lines: one per block element (paragraph, heading, list item, line break). */
export function blockLines(root: AnyNode): string[] {
  const st: LineState = { lines: [], cur: '' };
  gatherLines(root, st);
  flush(st);
  return st.lines;
}

/** The first non-empty text among the selectors, whitespace folded. */
export function firstText(root: ParentNode, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = firstMatch(root, sel);
    const t = el ? textOf(el) : '';
    if (t) return t;
  }
  return null;
}
