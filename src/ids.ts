import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import type { Site } from './schemas/record.js';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Chooses the site adapter by URL host (EEAS delegation mirrors included); Press Corner is
 * `ec.europa.eu` with a `presscorner` path segment. `generic` for any other site or no URL.
 */
export function siteOf(url: string | null): Site {
  if (!url) return 'generic';
  let host: string;
  let path: string;
  try {
    ({ hostname: host, pathname: path } = new URL(url));
  } catch {
    return 'generic';
  }
  if (/(^|\.)eeas\.europa\.eu$/.test(host)) return 'eeas';
  if (/(^|\.)consilium\.europa\.eu$/.test(host)) return 'consilium';
  if (/(^|\.)ecb\.europa\.eu$/.test(host)) return 'ecb';
  if (host === 'ec.europa.eu' && path.split('/').includes('presscorner')) return 'ec-presscorner';
  return 'generic';
}

/** Decodes each run of well-formed percent-escapes; a malformed one (`%E0%A4%A`) stays as it is. */
export function safeDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // A run may hold a valid prefix and a broken tail: decode escape by escape where it can.
      return run.replace(/%[0-9a-f]{2}/gi, (e) => {
        try {
          return decodeURIComponent(e);
        } catch {
          return e;
        }
      });
    }
  });
}

/**
 * The record id: stable for one source document across fetches and versions, and never the
 * id of another document. A Press Corner reference maps to `ec-presscorner:speech_26_1765`;
 * a page of a known site to `site:` and its full path (`eeas:eeas/remarks_en`, query and
 * trailing slash dropped, percent-escapes decoded where well-formed); any other URL to
 * `generic:` with its host and path; a local file to `file:`, its name and a key of its
 * absolute path (`file:report-1a2b3c4d`), so files of one name in two folders differ.
 * Never throws: a string that is not a URL becomes a `generic:` id of itself.
 */
export function docIdFor(target: { url: string | null; path: string | null; site?: Site }): string {
  if (target.url) {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      return `generic:${target.url.trim()}`;
    }
    const site = target.site ?? siteOf(target.url);
    const ref = url.searchParams.get('reference');
    if (site === 'ec-presscorner' && ref) return `${site}:${pressCornerKey(ref)}`;
    const path = url.pathname.replace(/^\/+|\/+$/g, '');
    if (site !== 'generic' && path) return `${site}:${safeDecode(path)}`;
    return `generic:${url.hostname}${url.pathname.replace(/\/$/, '')}`;
  }
  if (target.path) {
    const abs = resolve(target.path);
    return `file:${basename(abs, extname(abs))}-${sha256(abs).slice(0, 8)}`;
  }
  throw new Error('a document needs a url or a path');
}

/** `SPEECH/26/1765` → `speech_26_1765`, the form Press Corner uses in its own URLs. */
export const pressCornerKey = (ref: string): string =>
  ref
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');

/**
 * A BullMQ job id for a document at a stage: deterministic, so the same document and
 * version is never queued twice at once; free of `:` and never all digits (BullMQ's rules).
 */
export function jobIdFor(stage: string, docId: string, variant = ''): string {
  const readable = docId.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80);
  return `${stage}-${readable}-${sha256(`${docId}\u0000${variant}`).slice(0, 16)}`;
}
