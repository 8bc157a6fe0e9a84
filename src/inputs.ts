import { randomUUID } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { defaultOf } from './config.js';
import { InputTooLargeError, PermanentError } from './errors.js';
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

/** How inputs are read. */
export interface InputOptions {
  /** Largest file read (INPUT_MAX_BYTES). @defaultValue 10 MiB */
  maxBytes?: number;
  traceId?: string;
  /** The record id to use instead of the one made from the path or URL (`--id`; one input only). */
  id?: string;
}

/** What enqueueing an input did: queued anew, already done with these exact bytes, already in the pipeline, or a failed run retried. */
export type EnqueueOutcome = 'queued' | 'unchanged' | 'in-progress' | 'retried';

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Reads a file whole unless it is over `maxBytes`: then refuses it, without reading it. */
async function readCapped(abs: string, label: string, maxBytes: number): Promise<Buffer> {
  const fh = await open(abs, 'r');
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) throw new InputTooLargeError(label, size, maxBytes);
    const bytes = await fh.readFile();
    // It may have grown between the two calls.
    if (bytes.length > maxBytes) throw new InputTooLargeError(label, bytes.length, maxBytes);
    return bytes;
  } finally {
    await fh.close();
  }
}

/**
 * A local file read now: its bytes travel in the job, so a worker on any host can process it.
 * A file over `maxBytes` fails for good (ERR_INPUT_TOO_LARGE).
 */
export async function fileInput(path: string, opts: InputOptions = {}): Promise<Input> {
  const abs = resolve(path);
  const bytes = await readCapped(abs, path, opts.maxBytes ?? defaultOf('inputMaxBytes'));
  const contentType = TYPES[extname(abs).toLowerCase()] ?? 'text/plain; charset=utf-8';
  return {
    label: path,
    variant: sha256(bytes),
    job: {
      docId: opts.id ?? docIdFor({ url: null, path: abs }),
      traceId: opts.traceId ?? randomUUID(),
      stages: {},
      target: { kind: 'inline', path: abs, url: null, contentType, bodyBase64: bytes.toString('base64') },
    },
  };
}

export function urlInput(url: string, opts: Pick<InputOptions, 'id' | 'traceId'> = {}): Input {
  return {
    label: url,
    variant: url,
    job: {
      docId: opts.id ?? docIdFor({ url, path: null }),
      traceId: opts.traceId ?? randomUUID(),
      stages: {},
      target: { kind: 'url', url },
    },
  };
}

/**
 * Files, folders (their transcript files, recursively, sorted) and http(s) URLs → inputs.
 * With `id`, exactly one document must be given; it gets that record id.
 */
export async function resolveInputs(args: readonly string[], opts: InputOptions = {}): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(urlInput(arg, opts));
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch {
      throw new PermanentError('ERR_INPUT_NOT_FOUND', `${arg}: no such file, folder or http(s) URL`);
    }
    if (info.isDirectory()) {
      for (const file of await listTranscripts(arg)) out.push(await fileInput(file, opts));
    } else out.push(await fileInput(arg, opts));
  }
  if (opts.id !== undefined && !/^\S{1,200}$/.test(opts.id))
    throw new PermanentError(
      'ERR_INPUT_ID',
      `--id ${JSON.stringify(opts.id)}: 1 to 200 characters, no spaces`,
    );
  if (opts.id !== undefined && out.length !== 1)
    throw new PermanentError(
      'ERR_INPUT_ID',
      `--id ${opts.id} names one record, but the inputs given are ${out.length} documents: give one file or URL`,
    );
  return out;
}

async function listTranscripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() in TYPES && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? dir, e.name))
    .sort();
}
