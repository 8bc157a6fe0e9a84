import { InputTooLargeError, PermanentError } from '../errors.js';
import { bodyText } from '../extract/bytes.js';
import type { HttpClient } from '../fetch/http.js';
import { siteOf } from '../ids.js';
import type { Logger } from '../logger.js';
import type { CleanJob, FetchJob } from '../schemas/jobs.js';
import type { FetchIndex } from '../store/fetch-index.js';
import type { RawStore } from '../store/raw-store.js';

export interface FetchDeps {
  client: HttpClient;
  raw: RawStore;
  /** Record id → last raw snapshot and validators (conditional GET, `pressline reprocess`). */
  index: FetchIndex;
  now: () => Date;
  log?: Logger;
  /** PDF_MAX_PAGES; the default when unset. */
  pdfMaxPages?: number;
  /** Told when a source's document, fetched before, comes back with other bytes (the dashboard's "versions found"). */
  versionFound?: (source: string) => Promise<void>;
  /**
   * Whether the discovery source of this name may reach private addresses, as its
   * configuration says. Nothing in a job can widen that: job data may come from anywhere
   * that can write to Redis. Unset: no source may.
   */
  sourceAllowsPrivate?: (source: string) => Promise<boolean>;
}

/**
 * Fetch stage: a URL or an inline file → its bytes, stored raw by sha256, decoded to text.
 * A URL is asked for with the validators of the copy we hold; `null` (nothing goes further)
 * when the server answers 304, or when the bytes are the very ones we already have.
 */
export async function fetchDocument(job: FetchJob, deps: FetchDeps): Promise<CleanJob | null> {
  const t = job.target;
  const fetchedAt = deps.now().toISOString();
  let bytes: Buffer;
  let contentType: string;
  let url: string | null;
  let path: string | null = null;
  let validators = { etag: null as string | null, lastModified: null as string | null };
  const prev = await deps.index.get(job.docId);
  if (t.kind === 'inline') {
    // Job data can come from anywhere that writes to Redis: the producer's cap is checked again.
    const max = deps.client.opts.maxBytes;
    const size = Math.floor((t.bodyBase64.length * 3) / 4);
    if (size > max + 2) throw new InputTooLargeError(t.path ?? job.docId, size, max);
    bytes = Buffer.from(t.bodyBase64, 'base64');
    if (bytes.length > max) throw new InputTooLargeError(t.path ?? job.docId, bytes.length, max);
    contentType = t.contentType;
    url = t.url;
    path = t.path;
  } else {
    const same = prev && prev.url === t.url;
    const res = await deps.client.get(t.url, {
      allowPrivate: Boolean(t.source && (await deps.sourceAllowsPrivate?.(t.source))),
      etag: t.etag ?? (same ? prev.etag : null),
      lastModified: t.lastModified ?? (same ? prev.lastModified : null),
      log: deps.log,
    });
    if (res.notModified) {
      deps.log?.info({ url: t.url, status: 304 }, 'not modified: nothing new');
      return null;
    }
    if (res.bytes.length === 0)
      throw new PermanentError(
        'ERR_FETCH_EMPTY',
        `GET ${t.url} answered an empty body: the document has no content`,
      );
    bytes = res.bytes;
    contentType = res.contentType;
    url = t.url;
    validators = { etag: res.etag, lastModified: res.lastModified };
  }
  const site = t.site ?? siteOf(url);
  // binary bodies are refused before anything is stored; a PDF is read to its text layer
  const read = await bodyText(bytes, contentType, url ?? path, deps.pdfMaxPages);
  const rawSha256 = await deps.raw.put(bytes);
  const unchanged = t.kind === 'url' && prev?.rawSha256 === rawSha256;
  await deps.index.put({
    docId: job.docId,
    url,
    path,
    site,
    source: t.kind === 'url' ? (t.source ?? null) : null,
    contentType,
    rawSha256,
    fetchedAt,
    ...validators,
  });
  if (unchanged) {
    deps.log?.info({ url, rawSha256 }, 'same bytes as the stored snapshot: nothing new');
    return null;
  }
  if (t.kind === 'url' && t.source && prev) await deps.versionFound?.(t.source);
  return {
    docId: job.docId,
    traceId: job.traceId,
    stages: job.stages,
    source: { url, path, site, fetchedAt, contentType: read.contentType, rawSha256 },
    body: read.body,
  };
}
