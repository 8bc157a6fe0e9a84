import { createHash } from 'node:crypto';
import { mkdir, open, readdir, stat, truncate } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PressRecord } from '../schemas/record.js';
import { processLock, type ArchiveLock } from './archive-lock.js';
import { GroupCommit } from './group-commit.js';
import type { DeliveryOutcome, Sink } from './types.js';

export interface JsonlOptions {
  dir: string;
  /** `always`: fsync after each append, so an acknowledged record survives a crash. */
  fsync: 'always' | 'never';
  /**
   * Held while the archive's tail is read and appended to. With several worker processes on
   * one archive it must be shared by them all (the App gives a Redis lock). @defaultValue processLock
   */
  lock?: ArchiveLock;
  now?: () => Date;
}

/**
 * What the in-memory mirror keeps of one (id, version): 16 bytes of their SHA-256, as a
 * 16-character string, instead of the id and the 64-character version (a third of the memory
 * per record). Two pairs share a key with odds of about n²/2¹²⁹ — 10⁻²⁷ at a million records —
 * far below a disk's error rate, as for the content-addressed raw store.
 */
export const archivedKey = (id: string, version: string): string =>
  createHash('sha256')
    .update(id)
    .update('\u0000')
    .update(version)
    .digest()
    .subarray(0, 16)
    .toString('latin1');

const KEY = /^\{"schemaVersion":\d+,"id":("(?:[^"\\]|\\.)*"),"version":"([0-9a-f]{64})"/;

/**
 * The JSON Lines archive: one file per UTC day (`YYYY-MM-DD.jsonl`), each record one line
 * written by a single O_APPEND write. The files are the single truth of what is archived:
 * a record whose (id, version) is in any file is not written again, whichever process
 * wrote it. Each append runs under the archive lock and first reads what other processes
 * appended since this one last looked (the bytes past its offset in each file), so a
 * delivery retried after a process was killed between its append and its job's completion
 * finds the line and writes nothing. A torn tail left by a crash is cut before the next
 * append. Deliveries that arrive while a write runs go together in the next one (group
 * commit: one lock, one write, one fsync).
 */
export class JsonlSink implements Sink {
  readonly name = 'jsonl';
  private readonly seen = new Set<string>();
  /** Per file: how many bytes of whole lines this process has read into `seen`. */
  private readonly offsets = new Map<string, number>();
  /** Whether the archive found at start has been read (outside the lock, once). */
  private read = false;
  private readonly now: () => Date;
  private readonly lock: ArchiveLock;
  private readonly group = new GroupCommit<PressRecord, DeliveryOutcome>((records) =>
    this.appendMany(records),
  );

  constructor(private readonly opts: JsonlOptions) {
    this.now = opts.now ?? (() => new Date());
    this.lock = opts.lock ?? processLock;
  }

  /** The file today's records go to. */
  fileFor(date: Date): string {
    return join(this.opts.dir, `${date.toISOString().slice(0, 10)}.jsonl`);
  }

  deliver(record: PressRecord): Promise<DeliveryOutcome> {
    return this.group.push(record);
  }

  /** Appends many records with one write and (with `fsync: always`) one fsync. */
  deliverMany(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
    return this.group.pushMany(records);
  }

  private async appendMany(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
    await mkdir(this.opts.dir, { recursive: true });
    // The archive as it stands when this process starts is read outside the lock; under it,
    // each write reads only what other processes appended since this one last looked.
    if (!this.read) {
      await this.catchUp();
      this.read = true;
    }
    return this.lock.run(async (fence) => {
      const torn = await this.catchUp();
      const fresh = new Set<string>();
      const lines: string[] = [];
      const outcomes = records.map((record): DeliveryOutcome => {
        const key = archivedKey(record.id, record.version);
        if (this.seen.has(key) || fresh.has(key)) return 'duplicate';
        fresh.add(key);
        lines.push(`${JSON.stringify(record)}\n`);
        return 'written';
      });
      if (lines.length === 0) return outcomes;
      const file = this.fileFor(this.now());
      const name = basename(file);
      // Only a file whose last line was just read unfinished needs its tail cut.
      if (torn.has(name)) await repairTail(file);
      await fence();
      const fh = await open(file, 'a');
      const data = Buffer.from(lines.join(''));
      try {
        const { bytesWritten } = await fh.write(data);
        if (this.opts.fsync === 'always') await fh.sync();
        // A whole file ended at this process's offset, and under the lock nothing else
        // appends: what follows is these lines, in `seen` already, so no catch-up reads them back.
        if (!torn.has(name) && bytesWritten === data.length)
          this.offsets.set(name, (this.offsets.get(name) ?? 0) + data.length);
      } finally {
        await fh.close();
      }
      for (const key of fresh) this.seen.add(key);
      return outcomes;
    });
  }

  /**
   * Reads into `seen` the whole lines of every file past this process's offset in it; returns
   * the files that end in a partial line (a crash mid-write, or a write still under way when
   * read outside the lock).
   */
  private async catchUp(): Promise<Set<string>> {
    const torn = new Set<string>();
    const names = (await readdir(this.opts.dir)).filter((n) => n.endsWith('.jsonl')).sort();
    for (const name of names) {
      const file = join(this.opts.dir, name);
      const size = (await stat(file)).size;
      let from = this.offsets.get(name) ?? 0;
      if (size < from) from = 0; // replaced by hand: read it again (the set ignores repeats)
      if (size === from) continue;
      const fh = await open(file, 'r');
      try {
        const buf = Buffer.alloc(size - from);
        const { bytesRead } = await fh.read(buf, 0, buf.length, from);
        const end = buf.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
        for (const line of buf.subarray(0, end).toString('utf8').split('\n')) {
          const m = KEY.exec(line);
          if (m?.[1] && m[2]) this.seen.add(archivedKey(JSON.parse(m[1]) as string, m[2]));
        }
        this.offsets.set(name, from + end);
        if (from + end < size) torn.add(name);
      } finally {
        await fh.close();
      }
    }
    return torn;
  }

  async check(): Promise<void> {
    await mkdir(this.opts.dir, { recursive: true });
  }

  async close(): Promise<void> {
    await this.group.drain();
  }
}

/** Cuts a partial last line (a crash mid-write) so the next append starts on a line of its own. */
async function repairTail(file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return;
  }
  if (size === 0) return;
  const fh = await open(file, 'r');
  try {
    const tail = Buffer.alloc(Math.min(size, 1 << 20));
    await fh.read(tail, 0, tail.length, size - tail.length);
    if (tail[tail.length - 1] === 0x0a) return;
    const lastNl = tail.lastIndexOf(0x0a);
    await truncate(file, lastNl < 0 ? size - tail.length : size - tail.length + lastNl + 1);
  } finally {
    await fh.close();
  }
}
