import { PermanentError } from '../errors.js';

/** What a body's first bytes say it is. */
export type Sniffed = { kind: 'text' } | { kind: 'pdf' } | { kind: 'binary'; type: string };

/**
 * Signatures of formats that are never a transcript: [offset, bytes, name, weak]. A weak one
 * (2–3 printable letters, like `BM` or `MZ`) counts only when the sample holds control bytes too.
 */
const MAGIC: [number, number[], string, boolean?][] = [
  [0, [0x1f, 0x8b], 'gzip-compressed data'],
  [0, [0x42, 0x5a, 0x68], 'bzip2-compressed data', true],
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed data'],
  [0, [0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed data'],
  [0, [0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [0, [0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [0, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
  [257, [0x75, 0x73, 0x74, 0x61, 0x72], 'a tar archive'],
  [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [0, [0xff, 0xd8, 0xff], 'a JPEG image'],
  [0, [0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [0, [0x42, 0x4d], 'a BMP image', true],
  [0, [0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [0, [0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [0, [0x00, 0x00, 0x01, 0x00], 'an ICO image'],
  [8, [0x57, 0x45, 0x42, 0x50], 'a WebP image'],
  [4, [0x66, 0x74, 0x79, 0x70], 'an MP4/QuickTime/HEIF file'],
  [0, [0x1a, 0x45, 0xdf, 0xa3], 'a Matroska/WebM video'],
  [0, [0x4f, 0x67, 0x67, 0x53], 'an Ogg media file'],
  [0, [0x49, 0x44, 0x33], 'an MP3 audio file', true],
  [8, [0x57, 0x41, 0x56, 0x45], 'a WAV audio file'],
  [0, [0x77, 0x4f, 0x46, 0x46], 'a WOFF font'],
  [0, [0x77, 0x4f, 0x46, 0x32], 'a WOFF2 font'],
  [0, [0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [0, [0x4d, 0x5a], 'a Windows executable', true],
  [0, [0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  [0, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  [0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Office (OLE) document'],
];

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

const at = (bytes: Uint8Array, offset: number, sig: number[]): boolean =>
  bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);

/** zlib's two-byte header (deflate, a window size, a valid check): `x\x9c` and its kin. */
const zlibHeader = (b: Uint8Array): boolean =>
  b.length > 2 && (b[0]! & 0x0f) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;

/** How much of a sample is control characters (other than tab, line feed, form feed, carriage return) and NULs. */
function controlShare(bytes: Uint8Array): { control: number; nul: number } {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    if (b < 0x20 ? b !== 9 && b !== 10 && b !== 12 && b !== 13 : b === 0x7f) control++;
  }
  return { control: n ? control / n : 0, nul: n ? nul / n : 0 };
}

const utf16Bom = (b: Uint8Array): boolean =>
  (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe);

/**
 * What fetched bytes are, from their first bytes and a sample: a PDF, a known binary format
 * (archives, compressed data, images, media, fonts, executables), data that is mostly control
 * characters or NULs (random bytes, a dump), or text. Text in UTF-16 with a byte-order mark is
 * text. Linear in at most 64 KiB.
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  // a PDF may have junk before its header (the spec allows 1024 bytes)
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0; i = head.indexOf(0x25, i + 1))
    if (at(head, i, PDF)) return { kind: 'pdf' };
  const { control, nul } = controlShare(bytes);
  for (const [offset, sig, name, weak] of MAGIC)
    if (at(bytes, offset, sig) && (!weak || control > 0.005)) return { kind: 'binary', type: name };
  if (utf16Bom(bytes)) return { kind: 'text' };
  if (zlibHeader(bytes) && control > 0.005) return { kind: 'binary', type: 'zlib-compressed data' };
  if (nul > 0.01) return { kind: 'binary', type: `binary data (${pct(nul)} NUL bytes)` };
  if (control > 0.02) return { kind: 'binary', type: `binary data (${pct(control)} control bytes)` };
  return { kind: 'text' };
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

/**
 * A text without what `sniffText` counts: control characters (not tab, line feed, form feed,
 * carriage return) and U+FFFD. Anchored at both ends, the engine runs one tight loop over the
 * text; the same class unanchored tries a match at every position, 1.5x the time (it was 2% of
 * the clean bench).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NONE_SUSPECT = /^[^\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]*$/;

/**
 * Whether decoded text is binary after all (a caller passed bytes decoded as Latin-1, say):
 * the share of NULs and control characters, or of U+FFFD replacement characters (bytes that
 * were not valid in the charset), in its first 4,096 characters. Binary shows there as well as
 * in more (random bytes read as Latin-1 are about 12% control characters, against a 2% limit;
 * git looks at 8,000 bytes for its own test), and this runs on every document the clean stage
 * reads: a 16 Ki sample was 2% of the clean bench. Returns what it looks like, or null for text.
 */
export function sniffText(text: string): string | null {
  const n = Math.min(text.length, 4096);
  // most documents hold none of what is counted: one engine run over the sample says so
  if (!text.startsWith('%PDF-') && NONE_SUSPECT.test(n < text.length ? text.slice(0, n) : text)) return null;
  let control = 0;
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 12 && c !== 13 : c === 0x7f) control++;
    else if (c === 0xfffd) replaced++;
  }
  if (!n) return null;
  if (text.startsWith('%PDF-')) return 'a PDF read as text (send its bytes, not a decoded string)';
  if (control / n > 0.02) return `binary data (${pct(control / n)} control characters)`;
  if (replaced / n > 0.05) return `undecodable bytes (${pct(replaced / n)} replacement characters)`;
  return null;
}

/** The refusal for a body that is not a transcript: permanent, naming what it is. */
export function notATranscript(what: string, where: string | null): PermanentError {
  return new PermanentError(
    'ERR_NOT_A_TRANSCRIPT',
    `${where ? `${where}: ` : ''}the body is ${what}, not a transcript (HTML, text, WebVTT, Press Corner JSON or a PDF with a text layer): nothing was stored or published`,
    { details: { detected: what, ...(where ? { where } : {}) } },
  );
}
