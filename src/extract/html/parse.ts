import { DomHandler, Text, type Document, type Element } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser, Tokenizer } from 'htmlparser2';
import { PermanentError } from '../../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';

/**
 * The part of htmlparser2's tokenizer (10.x) that reads `<script>` and `<style>` as raw text up
 * to their end tag. Pointing it at another end tag makes the tokenizer skip over an element's
 * content with one `indexOf` per `<` instead of tokenizing it: a mega-menu in a `<nav>` costs
 * next to nothing. Should a later htmlparser2 rename these fields, the content is tokenized and
 * dropped at the end tag instead: the same tree, only slower.
 */
interface RawTextSwitch {
  isSpecial: boolean;
  currentSequence: Uint8Array;
  /** Where the tokenizer reads: moved to just before the end tag, the content is not read at all. */
  index: number;
}

/** The fields of htmlparser2's tokenizer (10.x) that `fastForwardTo` reads and moves. */
interface TokenizerCursor {
  buffer: string;
  offset: number;
  index: number;
}

/** What domhandler is told of the parser that feeds it (its own type is not exported). */
type ParserPosition = Parameters<DomHandler['onparserinit']>[0];

const BaseTokenizer = Tokenizer as unknown as new (
  ...args: ConstructorParameters<typeof Tokenizer>
) => TokenizerCursor;

/**
 * htmlparser2's tokenizer, its one loop that looks for a character (the `<` after text, the
 * quote that ends an attribute, the `>` of an end tag) done by `indexOf` instead of a character
 * at a time in script: text costs next to nothing to tokenize (it was a third of the parse on
 * the clean bench). The same positions; should a later htmlparser2 rename the method, this one
 * is never called: the same tree, only slower.
 */
export class FastTokenizer extends BaseTokenizer {
  fastForwardTo(c: number): boolean {
    const at = this.buffer.indexOf(c === 60 ? '<' : String.fromCharCode(c), this.index + 1 - this.offset);
    // like the loop: on the character found, or on the last one (the caller's loop steps past it)
    this.index = (at < 0 ? this.buffer.length - 1 : at) + this.offset;
    return at >= 0;
  }
}

/**
 * htmlparser2's tree builder, with three changes: comments, doctypes and processing
 * instructions are not kept; an element named in `skip` is taken out, with all it holds up to its
 * first end tag (a space stands in its place; one whose end tag never comes stays, so an
 * unclosed `<aside>` cannot swallow a page); and nesting deeper than `maxDepth` stops the parse
 * (the selector engine, css-select, walks the tree recursively: a deeper page is refused rather
 * than allowed to overflow the stack).
 */
class PruningHandler extends DomHandler {
  /** Per skipped tag: where the last search for its end tag started, and where it found one (-1: none). */
  private readonly ends = new Map<string, { from: number; at: number }>();
  /** The first `\x0f` or `\x1c` at or after `quirkFrom` (-1: none; see `canJump`). */
  private quirkAt = -1;
  private quirkFrom = -1;
  tokenizer: RawTextSwitch | null = null;
  /**
   * The parser that feeds this handler (it says where the tag just read ends). Kept from
   * `onparserinit` as a plain field: with a closure over the parser set from outside, V8's young
   * collections kept most of every page's tree alive (50x the bytes copied; see
   * docs/benchmarks.md, "The parser alone").
   */
  private source: ParserPosition | null = null;

  constructor(
    private readonly html: string,
    private readonly skip: ReadonlySet<string>,
    private readonly maxDepth: number,
  ) {
    super(undefined, { withStartIndices: false, withEndIndices: false });
  }

  override onparserinit(parser: ParserPosition): void {
    super.onparserinit(parser);
    this.source = parser;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > this.maxDepth)
      throw new PermanentError(
        'ERR_HTML_TOO_DEEP',
        `the page nests elements more than ${this.maxDepth} deep (a <${name}> at that depth; HTML_MAX_DEPTH): not a transcript page`,
        { details: { maxDepth: this.maxDepth } },
      );
    for (const k in attribs) if (attribs[k]!.includes('&')) attribs[k] = decodeHTMLAttribute(attribs[k]!);
    super.onopentag(name, attribs);
    if (!this.tokenizer || !this.skip.has(name)) return;
    const from = this.source?.endIndex ?? 0;
    const at = this.endTagAt(name, from);
    if (at < 0) return;
    this.tokenizer.isSpecial = true;
    this.tokenizer.currentSequence = endSequence(name);
    // the tokenizer would read the content a character at a time up to `at`, and hand it over
    // as a text node that goes with the element: start it at the end tag instead
    if (this.canJump(from, at)) this.tokenizer.index = at - 1;
  }

  /** Where `</name` followed by a space or `>` comes after `from`, or -1 (one linear search per tag, remembered). */
  private endTagAt(name: string, from: number): number {
    const seen = this.ends.get(name);
    if (seen && (seen.at >= from || (seen.at < 0 && seen.from <= from))) return seen.at;
    const re = endTagPattern(name);
    re.lastIndex = from;
    const at = re.exec(this.html)?.index ?? -1;
    this.ends.set(name, { from, at });
    return at;
  }

  /**
   * Whether the tokenizer, reading the content of the tag whose `>` is at `from`, would stop
   * first at the end tag at `at`, so that it may start there. It would not when the tag is
   * self-closing (`<nav/>`: it reads on as text) or when a `\x1c` or `\x0f` comes first (it
   * compares `c | 0x20` with `<` and `/`, which those match too).
   */
  private canJump(from: number, at: number): boolean {
    const h = this.html;
    if (this.tokenizer!.index !== from || h.charCodeAt(from) !== 62) return false;
    let i = from - 1;
    while (i > 0 && isSpace(h.charCodeAt(i))) i--;
    if (h.charCodeAt(i) === 47) return false;
    if (this.quirkFrom < 0 || (this.quirkAt >= 0 && this.quirkAt < from)) {
      this.quirkFrom = from;
      this.quirkAt = firstOf(h, '\x0f', '\x1c', from);
    }
    return this.quirkAt < 0 || this.quirkAt >= at;
  }

  /** htmlparser2 calls this with the tag name and whether the end tag was implied (domhandler's type omits both). */
  override onclosetag(_name?: string, isImplied?: boolean): void {
    const el = this.tagStack[this.tagStack.length - 1] as Element | undefined;
    super.onclosetag();
    if (!el || isImplied === true || !this.skip.has(el.name)) return;
    // the element just closed is its parent's last child: replace it with a space
    const parent = el.parent!;
    const space = new Text(' ');
    parent.children[parent.children.length - 1] = space;
    space.parent = parent;
    space.prev = el.prev;
    if (el.prev) el.prev.next = space;
    el.parent = el.prev = null;
  }

  /** Text with its entities decoded (not inside scripts and styles, which are raw). */
  override ontext(data: string): void {
    const top = this.tagStack[this.tagStack.length - 1] as Element;
    const raw = top.name === 'script' || top.name === 'style';
    super.ontext(!raw && data.includes('&') ? decodeHTML(data) : data);
  }

  override oncomment(): void {}
  override oncommentend(): void {}
  override onprocessinginstruction(): void {}
  override oncdatastart(): void {}
  override oncdataend(): void {}
}

/** The tokenizer's whitespace. */
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;

/** The first of two characters at or after `from`, or -1. */
function firstOf(s: string, a: string, b: string, from: number): number {
  const i = s.indexOf(a, from);
  const j = s.indexOf(b, from);
  return i < 0 ? j : j < 0 ? i : Math.min(i, j);
}

const endTagPatterns = new Map<string, RegExp>();
/** `</name` followed by the tokenizer's whitespace or `>`, any case (built once per name). */
function endTagPattern(name: string): RegExp {
  let re = endTagPatterns.get(name);
  if (!re) endTagPatterns.set(name, (re = new RegExp(`</${name}[ \\t\\n\\f\\r>]`, 'gi')));
  return re;
}

const sequences = new Map<string, Uint8Array>();
/** `</name` as the bytes the tokenizer compares (lower case). */
function endSequence(name: string): Uint8Array {
  let seq = sequences.get(name);
  if (!seq) sequences.set(name, (seq = new Uint8Array([...`</${name}`].map((c) => c.charCodeAt(0)))));
  return seq;
}

/**
 * Parses HTML with htmlparser2 (the parser under cheerio) into a domhandler document — the
 * tree css-select walks — without comments, doctypes and processing instructions, and without
 * the elements named in `skip` (see {@link PruningHandler}).
 * @throws PermanentError `ERR_HTML_TOO_DEEP` when elements nest deeper than `maxDepth`.
 */
export function parseHtml(
  html: string,
  skip: ReadonlySet<string> = new Set(),
  maxDepth = DEFAULT_LIMITS.htmlMaxDepth,
): Document {
  const handler = new PruningHandler(html, skip, maxDepth);
  const parser = new Parser(handler, {
    // entities are decoded per text node and attribute (decodeHTML): the tokenizer then jumps
    // from one `<` to the next (FastTokenizer) instead of reading text a character at a time
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    Tokenizer: FastTokenizer as unknown as typeof Tokenizer,
  });
  const tokenizer = (parser as unknown as { tokenizer?: Partial<RawTextSwitch> }).tokenizer;
  if (
    typeof tokenizer?.isSpecial === 'boolean' &&
    'currentSequence' in tokenizer &&
    typeof tokenizer.index === 'number'
  )
    handler.tokenizer = tokenizer as RawTextSwitch;
  parser.end(html);
  return handler.root;
}
