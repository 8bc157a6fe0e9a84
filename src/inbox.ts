import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './logger.js';
import { fileInput, type Input } from './inputs.js';

const DONE = '.ingested';

/**
 * Watches a folder: each new transcript file is handed to `ingest`, then moved to
 * `<inbox>/.ingested/`. Polls (fs events are unreliable on network and container mounts)
 * and waits until a file's size holds still between two polls, so half-copied files wait.
 */
export function watchInbox(
  dir: string,
  ingest: (input: Input) => Promise<unknown>,
  log: Logger,
  intervalMs = 1000,
): () => void {
  const sizes = new Map<string, number>();
  let busy = false;
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
          await ingest(await fileInput(path));
          await rename(path, join(dir, DONE, entry.name));
          log.info({ file: path }, 'inbox file ingested');
        } catch (err) {
          log.error({ err, file: path }, 'inbox file could not be ingested');
        }
      }
    } catch (err) {
      log.error({ err, dir }, 'inbox scan failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void scan(), intervalMs);
  void scan();
  return () => clearInterval(timer);
}
