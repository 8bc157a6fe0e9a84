import { Text, type AnyNode, type Element, type ParentNode } from 'domhandler';
import { BLOCK, firstMatch, foldSpaces, kids, remove, textLengthAtLeast, textOf, walk } from './dom.js';
import { measure, type Stat } from './main-content.js';

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
  /cookie|consent|gdpr|share|social|breadcrumb|newsletter|related|skip-link|language-selector|lang-select|visually-hidden|sr-only|donat|promo|subscri|signup|paywall/i;

/**
 * Class or id names of reader comments and reactions, as whole words of a name (`comments`,
 * `comment-list`, `reader-comments`, `comment-respond`, `disqus_thread`), never `commentary`.
 */
export const COMMENT_CLASS = /(?:^|[\s_-])(?:comments?|respond|disqus|reactions?)(?:$|[\s_-])/i;

const isNoise = (el: Element): boolean => {
  if (
    NOISE_TAGS.has(el.name) ||
    NOISE_ROLES.has(el.attribs.role ?? '') ||
    el.attribs['aria-hidden'] === 'true' ||
    el.attribs.hidden !== undefined
  )
    return true;
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return NOISE_CLASS.test(names) || COMMENT_CLASS.test(names);
};

/** The noise elements under a node, outermost only (their insides go with them). */
function collectNoise(root: AnyNode, pageChrome: boolean): Element[] {
  const doomed: Element[] = [];
  walk(root, (c) => {
    if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') return false;
    const el = c as Element;
    const chrome =
      pageChrome &&
      (el.name === 'footer' ||
        el.name === 'aside' ||
        (el.name === 'header' && (el.parent as Element | null)?.name === 'body'));
    if (!chrome && !isNoise(el)) return true;
    doomed.push(el);
    return false;
  });
  return doomed;
}

/** Removes the page furniture that is never part of a transcript: scripts, menus, banners, share bars, forms, related lists. */
export function stripNoise(root: ParentNode, pageChrome = false): void {
  for (const el of collectNoise(root, pageChrome)) remove(el);
}

const LIST_LIKE = new Set(['div', 'p', 'ul', 'ol', 'section', 'span', 'small']);

/**
 * Removes blocks that are mostly links and hold two or more of them: tag lists, share bars,
 * breadcrumbs, "related" lists that carry no telling class name. A paragraph of the
 * transcript with a link in it has far more text than link text. `stats` may be the ones
 * `mainContent` measured (the tree has not changed since).
 */
export function stripLinkBlocks(root: ParentNode, stats: Map<Element, Stat> = measure(root)): void {
  const doomed: Element[] = [];
  walk(root, (n) => {
    if (n.type !== 'tag') return false;
    const el = n as Element;
    const st = stats.get(el);
    if (!st || !LIST_LIKE.has(el.name) || st.text === 0 || st.links / st.text < 0.6) return true;
    let anchors = 0;
    walk(el, (x) => {
      if (x.type === 'tag' && (x as Element).name === 'a') anchors++;
      return anchors < 2;
    });
    if (anchors < 2) return true;
    doomed.push(el);
    return false;
  });
  for (const el of doomed) remove(el);
}

/** Lines being gathered: the finished ones and the text of the block still open. */
interface LineState {
  lines: string[];
  cur: string;
}

function flush(st: LineState): void {
  const t = foldSpaces(st.cur);
  if (t) st.lines.push(t);
  st.cur = '';
}

const BLANK_AFTER = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li']);

const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Gathers lines without recursion: a block element's end is a marker on the same stack as the
 * nodes. A heading is one line whatever it holds ("Joint press point<br>by A and B" is one title).
 */
function gatherLines(root: AnyNode, st: LineState): void {
  const stack: (AnyNode | { end: Element })[] = [root];
  let inHeading = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if ('end' in item) {
      if (HEADING.has(item.end.name)) inHeading--;
      flush(st);
      if (BLANK_AFTER.has(item.end.name)) st.lines.push('');
      continue;
    }
    const node = item;
    if (node.type === 'text') {
      st.cur += (node as unknown as { data: string }).data;
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue; // scripts and styles hold no text to keep
    if (node.type === 'tag' && BLOCK.has((node as Element).name)) {
      if (inHeading) st.cur += ' ';
      else {
        flush(st);
        stack.push({ end: node as Element });
        if (HEADING.has((node as Element).name)) inHeading++;
      }
    }
    const cs = kids(node);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
}

/** A short cell that labels the next one: `Question:`, `Anna Berg:`, `Q.`. */
const LABEL_CELL = /^(?:[^.!?]{1,60}[:：]|Q\.?|A\.?)$/u;

/** `<dt>Question:</dt><dd>…</dd>`: the term's line goes on with the description, a space between. */
function joinLabelTerm(dt: Element): void {
  let dd = dt.next;
  while (dd && dd.type === 'text' && !dd.data.trim()) dd = dd.next;
  if (!dd || dd.type !== 'tag' || (dd as Element).name !== 'dd' || !LABEL_CELL.test(textOf(dt))) return;
  const moved = (dd as Element).children;
  (dd as Element).children = [];
  remove(dd);
  dt.children.push(new Text(' '), ...moved);
  for (const c of moved) c.parent = dt;
}

/**
 * A two-cell table row whose first cell is a speaker label or marker (`<td>Question:</td><td>…</td>`)
 * is one line, as the capture writes it: both cells become inline, a space between them; so is a
 * definition list's label term and its description.
 */
function joinLabelRows(root: AnyNode): void {
  walk(root, (n) => {
    if (n.type === 'tag' && (n as Element).name === 'dt') {
      joinLabelTerm(n as Element);
      return false;
    }
    if (n.type !== 'tag' || (n as Element).name !== 'tr') return true;
    const cells = (n as Element).children.filter((c): c is Element => c.type === 'tag');
    if (cells.length !== 2 || !cells.every((c) => c.name === 'td' || c.name === 'th')) return true;
    const [label, speech] = cells as [Element, Element];
    if (!LABEL_CELL.test(textOf(label)) || !textLengthAtLeast(speech, 2)) return true;
    label.name = 'span';
    speech.name = 'span';
    label.children.push(new Text(' '));
    return false;
  });
}

/** The text of an element as lines: one per block element (paragraph, heading, list item, line break). */
export function blockLines(root: AnyNode): string[] {
  joinLabelRows(root);
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
