import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { PermanentError } from './errors.js';
import { docIdFor, sha256 } from './ids.js';
import type { FetchJob } from './schemas/jobs.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** A job for a document, with the key that tells this version of it apart (for the job id). */
export interface Input {
  job: FetchJob;
  /** What makes this input distinct from an earlier one of the same document: the bytes' hash, or the URL. */
  variant: string;
  /** What the user gave, for messages. */
  label: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A local file read now: its bytes travel in the job, so a worker on any host can process it. */
export async function fileInput(path: string, traceId = randomUUID()): Promise<Input> {
  const abs = resolve(path);
  const bytes = await readFile(abs);
  const contentType = TYPES[extname(abs).toLowerCase()] ?? 'text/plain; charset=utf-8';
  return {
    label: path,
    variant: sha256(bytes),
    job: {
      docId: docIdFor({ url: null, path: abs }),
      traceId,
      stages: {},
      target: { kind: 'inline', path: abs, url: null, contentType, bodyBase64: bytes.toString('base64') },
    },
  };
}

export function urlInput(url: string, traceId = randomUUID()): Input {
  return {
    label: url,
    variant: url,
    job: { docId: docIdFor({ url, path: null }), traceId, stages: {}, target: { kind: 'url', url } },
  };
}

/** Files, folders (their transcript files, recursively, sorted) and http(s) URLs → inputs. */
export async function resolveInputs(args: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(urlInput(arg));
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch {
      throw new PermanentError('ERR_INPUT_NOT_FOUND', `${arg}: no such file, folder or http(s) URL`);
    }
    if (info.isDirectory()) {
      for (const file of await listTranscripts(arg)) out.push(await fileInput(file));
    } else out.push(await fileInput(arg));
  }
  return out;
}

async function listTranscripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() in TYPES && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? dir, e.name))
    .sort();
}
