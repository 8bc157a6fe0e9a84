import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
 * Watches a folder: each new transcript file is handed to `ingest`, then moved to
 * `<inbox>/.ingested/`. Polls (fs events are unreliable on network and container mounts)
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
    await rename(join(dir, name), join(dir, FAILED, name));
    const reason = err instanceof PresslineError ? `${err.code}: ${err.message}` : String(err);
    await writeFile(join(dir, FAILED, `${name}.reason`), `${reason}\n`);
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
          await rename(path, join(dir, DONE, entry.name));
          log.info({ file: path }, 'inbox file ingested');
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
