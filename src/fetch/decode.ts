/** What the bytes were decoded as, and why (for logs and tests). */
export interface Decoded {
  text: string;
  charset: string;
  /** `bom`, `header`, `meta` (HTML `<meta>` or XML declaration), `sniffed` or `default`. */
  from: 'bom' | 'header' | 'meta' | 'sniffed' | 'default';
}

const label = (name: string | undefined): string | undefined => {
  if (!name) return undefined;
  try {
    return new TextDecoder(name.trim().toLowerCase()).encoding;
  } catch {
    return undefined; // a charset TextDecoder does not know
  }
};

// Node's TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F become C1 controls);
// the web's windows-1252 maps them to € ‚ ƒ „ … and friends.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeAs(charset: string, bytes: Uint8Array): string {
  const text = new TextDecoder(charset).decode(bytes);
  if (charset !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

const fromHeader = (contentType: string) => label(/charset\s*=\s*["']?([\w:.-]+)/i.exec(contentType)?.[1]);

/** The charset an HTML `<meta>` or an XML declaration names, in the first 2 KiB. */
function fromMarkup(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)["']/i.exec(head);
  return label(m?.[1]);
}

function fromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

const validUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** UTF-16 text of a Latin script has a NUL in every other byte. */
const looksUtf16 = (bytes: Uint8Array): boolean => {
  const n = Math.min(bytes.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return n > 0 && nul / n > 0.2;
};

const replacementShare = (text: string): number => {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return n ? bad / n : 0;
};

const hasNonAscii = (bytes: Uint8Array): boolean => bytes.some((b) => b > 0x7f);

/**
 * Detects the charset of fetched bytes and decodes them. A BOM wins; then the declared
 * charset (header, then `<meta>`/XML declaration) unless the bytes prove it wrong: a
 * declared UTF-8 that is not valid UTF-8 is read as the markup's charset or windows-1252,
 * and a declared single-byte charset over bytes that are valid multi-byte UTF-8 is read as UTF-8.
 */
export function detectAndDecode(bytes: Uint8Array, contentType: string): Decoded {
  const bom = fromBom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, from: 'bom' };
  const header = fromHeader(contentType);
  const meta = fromMarkup(bytes);
  const utf8ok = validUtf8(bytes);
  const declared: [string | undefined, Decoded['from']][] = [
    [header, 'header'],
    [meta, 'meta'],
  ];
  for (const [charset, from] of declared) {
    if (!charset) continue;
    if (charset === 'utf-8' && !utf8ok) continue;
    // a UTF-16 declaration over bytes without the NULs of UTF-16 text is wrong: detect instead
    if (charset.startsWith('utf-16') && !looksUtf16(bytes)) continue;
    if (charset !== 'utf-8' && charset.startsWith('utf-16') === false && utf8ok && hasNonAscii(bytes)) {
      return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', from: 'sniffed' };
    }
    const text = decodeAs(charset, bytes);
    // a declared charset that cannot read the bytes (many U+FFFD) is wrong too
    if (replacementShare(text) > 0.01) continue;
    return { text, charset, from };
  }
  if (utf8ok)
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      charset: 'utf-8',
      from: header || meta ? 'sniffed' : 'default',
    };
  return { text: decodeAs('windows-1252', bytes), charset: 'windows-1252', from: 'sniffed' };
}

/** Decodes fetched bytes to text (see {@link detectAndDecode}). */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  return detectAndDecode(bytes, contentType).text;
}
