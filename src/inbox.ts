import { access, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isRetryable, PresslineError } from './errors.js';
import type { Logger } from './logger.js';
import { fileInput, type Input } from './inputs.js';

const DONE = '.ingested';
const FAILED = '.failed';

export interface InboxOptions {
  /** Time between two polls. @defaultValue 1000 */
  intervalMs?: number;
  /** Largest file ingested (INPUT_MAX_BYTES); a larger one is moved to `.failed/`. */
  maxBytes?: number;
}

/**
 * A path in `dir` for `name` that no file has: `name` itself, else `name` with the time
 * before its extension (`remarks.2026-12-03T14-02-10-123Z.txt`), so a newer file of the same
 * name never overwrites the copy of an older one.
 */
export async function freeName(dir: string, name: string, now = new Date()): Promise<string> {
  const taken = async (p: string) =>
    access(p).then(
      () => true,
      () => false,
    );
  const plain = join(dir, name);
  if (!(await taken(plain))) return plain;
  const ext = extname(name);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const p = join(dir, `${basename(name, ext)}.${stamp}${n ? `-${n}` : ''}${ext}`);
    if (!(await taken(p))) return p;
  }
}

/**
 * Watches a folder: each new transcript file is handed to `ingest`, then moved to
 * `<inbox>/.ingested/` (never over an older file of the same name; see {@link freeName}). Polls (fs events are unreliable on network and container mounts)
 * and waits until a file's size holds still between two polls, so half-copied files wait.
 * A file that can never be ingested (too large, unreadable as input) is moved to
 * `<inbox>/.failed/` beside a `<name>.reason` file, and not tried again; one that fails for
 * a passing reason (Redis down) stays and is tried at the next poll.
 */
export function watchInbox(
  dir: string,
  ingest: (input: Input) => Promise<unknown>,
  log: Logger,
  opts: InboxOptions = {},
): () => void {
  const sizes = new Map<string, number>();
  let busy = false;
  const refuse = async (name: string, err: unknown) => {
    await mkdir(join(dir, FAILED), { recursive: true });
    const to = await freeName(join(dir, FAILED), name);
    await rename(join(dir, name), to);
    const reason = err instanceof PresslineError ? `${err.code}: ${err.message}` : String(err);
    await writeFile(`${to}.reason`, `${reason}\n`);
    log.error({ err, file: join(dir, name) }, 'inbox file refused for good: moved to .failed');
  };
  const scan = async () => {
    if (busy) return;
    busy = true;
    try {
      await mkdir(join(dir, DONE), { recursive: true });
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        const size = (await stat(path)).size;
        if (sizes.get(path) !== size) {
          sizes.set(path, size);
          continue;
        }
        sizes.delete(path);
        try {
          await ingest(await fileInput(path, { maxBytes: opts.maxBytes }));
          const moved = await freeName(join(dir, DONE), entry.name);
          await rename(path, moved);
          log.info({ file: path, movedTo: moved }, 'inbox file queued');
        } catch (err) {
          if (!isRetryable(err)) await refuse(entry.name, err);
          else log.error({ err, file: path }, 'inbox file could not be ingested; trying again');
        }
      }
    } catch (err) {
      log.error({ err, dir }, 'inbox scan failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void scan(), opts.intervalMs ?? 1000);
  void scan();
  return () => clearInterval(timer);
}
