import { mkdir, open, readdir, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { PressRecord } from '../schemas/record.js';
import { GroupCommit } from './group-commit.js';
import type { DeliveryOutcome, Sink } from './types.js';

export interface JsonlOptions {
  dir: string;
  /** `always`: fsync after each append, so an acknowledged record survives a crash. */
  fsync: 'always' | 'never';
  now?: () => Date;
}

const KEY = /^\{"schemaVersion":\d+,"id":("(?:[^"\\]|\\.)*"),"version":"([0-9a-f]{64})"/;

/**
 * The JSON Lines archive: one file per UTC day (`YYYY-MM-DD.jsonl`). Each record is one
 * line written by a single O_APPEND write; a torn tail left by a crash is cut before the
 * next append, so readers never meet a partial line once writing resumes. A record whose
 * (id, version) is already in the archive is not written again. Deliveries that arrive
 * while a write runs go together in the next one (group commit: one write, one fsync).
 */
export class JsonlSink implements Sink {
  readonly name = 'jsonl';
  private seen: Set<string> | null = null;
  private readonly now: () => Date;
  // Appends are serialised within the process (one write at a time), and concurrent
  // deliveries share a write and its fsync; BullMQ's job ids serialise one (id, version) across processes.
  private readonly group = new GroupCommit<PressRecord, DeliveryOutcome>((records) =>
    this.appendMany(records),
  );

  constructor(private readonly opts: JsonlOptions) {
    this.now = opts.now ?? (() => new Date());
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
    const seen = await this.index();
    const fresh = new Set<string>();
    const lines: string[] = [];
    const outcomes = records.map((record): DeliveryOutcome => {
      const key = `${record.id}\u0000${record.version}`;
      if (seen.has(key) || fresh.has(key)) return 'duplicate';
      fresh.add(key);
      lines.push(`${JSON.stringify(record)}\n`);
      return 'written';
    });
    if (lines.length === 0) return outcomes;
    const file = this.fileFor(this.now());
    await repairTail(file);
    const fh = await open(file, 'a');
    try {
      await fh.write(lines.join(''));
      if (this.opts.fsync === 'always') await fh.sync();
    } finally {
      await fh.close();
    }
    for (const key of fresh) seen.add(key);
    return outcomes;
  }

  /** The (id, version) pairs already archived, read once from every file. */
  private async index(): Promise<Set<string>> {
    if (this.seen) return this.seen;
    await mkdir(this.opts.dir, { recursive: true });
    const seen = new Set<string>();
    for (const name of (await readdir(this.opts.dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
      for (const line of (await readFile(join(this.opts.dir, name), 'utf8')).split('\n')) {
        const m = KEY.exec(line);
        if (m?.[1] && m[2]) seen.add(`${JSON.parse(m[1]) as string}\u0000${m[2]}`);
      }
    }
    this.seen = seen;
    return seen;
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
