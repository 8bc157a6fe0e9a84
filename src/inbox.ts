import { access, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Logger } from './logger.js';
import { fileInput, type Input } from './inputs.js';

const DONE = '.ingested';

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
          const moved = await freeName(join(dir, DONE), entry.name);
          await rename(path, moved);
          log.info({ file: path, movedTo: moved }, 'inbox file queued');
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
