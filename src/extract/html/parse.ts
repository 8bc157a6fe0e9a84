import { Document, Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * One token of HTML: a start or end tag (1: `/`, 2: name, 3: attributes), a comment,
 * declaration or processing instruction, or a run of text. The whole tokenisation runs inside
 * the regular-expression engine (native code), not character by character in JavaScript.
 */
const TOKEN =
  /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const pTag = new Set(['p']);
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const ddt = new Set(['dd', 'dt']);
const sections = new Set(['thead', 'tbody']);
/** Start tags that close open elements (htmlparser2's rules, so the tree is the same). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddt],
  ['dt', ddt],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', sections],
  ['tfoot', sections],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (t) => [t, formTags] as [string, Set<string>],
  ),
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((t) => [t, pTag] as [string, Set<string>]),
]);
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.trim()) return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    const name = m[1]!.toLowerCase();
    if (Object.prototype.hasOwnProperty.call(out, name)) continue;
    const v = m[2] ?? m[3] ?? m[4] ?? '';
    out[name] = v.includes('&') ? decodeHTMLAttribute(v) : v;
  }
  return out;
}

/** The tree under construction: the open elements and where the next node goes. */
class TreeBuilder {
  readonly doc = new Document([]);
  private readonly stack: Element[] = [];
  private parent: ParentNode = this.doc;

  append(node: ChildNode): void {
    const kids = this.parent.children;
    const prev = kids[kids.length - 1] ?? null;
    if (prev) {
      prev.next = node;
      node.prev = prev;
    }
    node.parent = this.parent;
    kids.push(node);
  }

  text(data: string): void {
    const kids = this.parent.children;
    const last = kids[kids.length - 1];
    if (last instanceof Text) last.data += data;
    else this.append(new Text(data));
  }

  pop(): void {
    this.stack.pop();
    this.parent = this.stack[this.stack.length - 1] ?? this.doc;
  }

  open(name: string, attribs: Record<string, string>): void {
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) while (this.stack.length && implied.has(this.stack[this.stack.length - 1]!.name)) this.pop();
    const el = new Element(name, attribs);
    this.append(el);
    if (!VOID.has(name)) {
      this.stack.push(el);
      this.parent = el;
    }
  }

  /** Closes up to the innermost open element named `tag`; false when none is open. */
  close(tag: string): boolean {
    let i = this.stack.length - 1;
    while (i >= 0 && this.stack[i]!.name !== tag) i--;
    if (i < 0) return false;
    while (this.stack.length > i) this.pop();
    return true;
  }
}

const endTags = new Map<string, RegExp>();
/** The first end tag `</tag>` at or after `from`: its start and end, or null. */
function findEndTag(html: string, tag: string, from: number): { start: number; end: number } | null {
  let re = endTags.get(tag);
  if (!re) endTags.set(tag, (re = new RegExp(`</${tag}\\s*>`, 'gi')));
  re.lastIndex = from;
  const e = re.exec(html);
  return e ? { start: e.index, end: e.index + e[0].length } : null;
}

/**
 * Parses HTML into a domhandler document (the tree cheerio and css-select walk), with
 * htmlparser2's rules for void elements, implied end tags and stray end tags, but tokenised by
 * one regular expression: several times cheaper than htmlparser2's character-by-character
 * tokenizer. Comments, doctypes and processing instructions are dropped, and so is every
 * element named in `skip`, with all it holds up to its first end tag (a space stands in its place).
 */
export function parseHtml(html: string, skip: ReadonlySet<string> = new Set()): Document {
  const b = new TreeBuilder();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const tok = m[0];
    const name = m[2];
    if (name === undefined) {
      if (tok.charCodeAt(0) !== 60 || tok.length === 1) b.text(tok.includes('&') ? decodeHTML(tok) : tok);
      continue; // comments, doctypes, processing instructions
    }
    const tag = name.toLowerCase();
    if (m[1]) {
      // end tag: close up to the matching open element; `</p>` and `</br>` alone make elements
      if (VOID.has(tag)) {
        if (tag === 'br') b.open('br', {});
      } else if (!b.close(tag) && tag === 'p') {
        b.open('p', {});
        b.pop();
      }
      continue;
    }
    if (skip.has(tag)) {
      const e = findEndTag(html, tag, TOKEN.lastIndex);
      if (e) {
        b.text(' ');
        TOKEN.lastIndex = e.end;
        continue;
      }
    }
    b.open(tag, attributes(m[3] ?? ''));
    if (RAW_TEXT.has(tag)) {
      const e = findEndTag(html, tag, TOKEN.lastIndex);
      const raw = html.slice(TOKEN.lastIndex, e ? e.start : html.length);
      if (raw) b.text(tag === 'title' || tag === 'textarea' ? decodeHTML(raw) : raw);
      if (e) b.pop();
      TOKEN.lastIndex = e ? e.end : html.length;
    }
  }
  return b.doc;
}
