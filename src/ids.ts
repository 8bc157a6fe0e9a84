import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
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

/**
 * The record id: stable for one source document across fetches and versions.
 * A Press Corner reference maps to `ec-presscorner:speech_26_1765`; other URLs to
 * `site:` and their last path segment (or host and path); a local file to `file:` and its name.
 */
export function docIdFor(target: { url: string | null; path: string | null; site?: Site }): string {
  if (target.url) {
    const url = new URL(target.url);
    const site = target.site ?? siteOf(target.url);
    const ref = url.searchParams.get('reference');
    if (site === 'ec-presscorner' && ref) return `${site}:${pressCornerKey(ref)}`;
    const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
    if (site !== 'generic' && last) return `${site}:${decodeURIComponent(last)}`;
    return `generic:${url.hostname}${url.pathname.replace(/\/$/, '')}`;
  }
  if (target.path) return `file:${basename(target.path, extname(target.path))}`;
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
