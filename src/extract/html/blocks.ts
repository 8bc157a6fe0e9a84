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

/** Removes the page furniture that is never part of a transcript: scripts, menus, banners, share bars, forms, related lists. */
export function stripNoise(root: ParentNode, pageChrome = false): void {
  const doomed: Element[] = [];
  const walk = (n: AnyNode) => {
    for (const c of (n as unknown as { children?: AnyNode[] }).children ?? []) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        const el = c as Element;
        const chrome =
          pageChrome &&
          (el.name === 'footer' ||
            el.name === 'aside' ||
            (el.name === 'header' && (el.parent as Element | null)?.name === 'body'));
        if (chrome || isNoise(el)) doomed.push(el);
        else walk(c);
      }
    }
  };
  walk(root);
  for (const el of doomed) remove(el);
}

/** The text of an element as lines: one per block element (paragraph, heading, list item, line break). */
export function blockLines(root: AnyNode): string[] {
  const lines: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    cur = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      cur += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type === 'root') {
      for (const c of (node as unknown as { children: AnyNode[] }).children) walk(c);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    if (el.name === 'script' || el.name === 'style') return;
    const block = BLOCK.has(el.name);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) {
      flush();
      if (/^(?:p|h[1-6]|blockquote|li)$/.test(el.name)) lines.push('');
    }
  };
  walk(root);
  flush();
  return lines;
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
