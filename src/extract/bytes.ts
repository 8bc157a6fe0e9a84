import { decodeBody } from '../fetch/decode.js';
import { readPdf } from './pdf.js';
import { notATranscript, sniffBytes } from './sniff.js';

/** A fetched body as the clean stage reads it: text, and the content type it came as. */
export interface BodyText {
  body: string;
  contentType: string;
}

/**
 * Fetched bytes → the text the clean stage reads: a PDF's text layer (content type
 * `application/pdf`), or the bytes decoded by their charset. Binary content (archives,
 * compressed data, images, random bytes, NUL-heavy data) is refused before anything is stored.
 * @param where the URL or path, for messages.
 * @throws PermanentError `ERR_NOT_A_TRANSCRIPT` naming the detected type, or a PDF error (see `readPdf`).
 */
export async function bodyText(
  bytes: Uint8Array,
  contentType: string,
  where: string | null,
  maxPdfPages?: number,
): Promise<BodyText> {
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind === 'binary') throw notATranscript(sniffed.type, where);
  if (sniffed.kind === 'pdf')
    return { body: await readPdf(bytes, where, maxPdfPages), contentType: 'application/pdf' };
  return { body: decodeBody(bytes, contentType), contentType };
}
