import { decodeBody } from '../fetch/decode.js';
import { httpGet, type HttpOptions } from '../fetch/http.js';
import { siteOf } from '../ids.js';
import type { CleanJob, FetchJob } from '../schemas/jobs.js';
import type { RawStore } from '../store/raw-store.js';

export interface FetchDeps {
  http: HttpOptions;
  raw: RawStore;
  now: () => Date;
}

/** Fetch stage: a URL or an inline file → its bytes, stored raw by sha256, decoded to text. */
export async function fetchDocument(job: FetchJob, deps: FetchDeps): Promise<CleanJob> {
  const t = job.target;
  let bytes: Buffer;
  let contentType: string;
  let url: string | null;
  let path: string | null = null;
  if (t.kind === 'inline') {
    bytes = Buffer.from(t.bodyBase64, 'base64');
    contentType = t.contentType;
    url = t.url;
    path = t.path;
  } else {
    const res = await httpGet(t.url, deps.http);
    bytes = res.bytes;
    contentType = res.contentType;
    url = t.url;
  }
  const rawSha256 = await deps.raw.put(bytes);
  return {
    docId: job.docId,
    traceId: job.traceId,
    stages: job.stages,
    source: {
      url,
      path,
      site: t.site ?? siteOf(url),
      fetchedAt: deps.now().toISOString(),
      contentType,
      rawSha256,
    },
    body: decodeBody(bytes, contentType),
  };
}
