import type { DocState, DocStatus } from './doc-status.js';

export interface AwaitProgress {
  published: number;
  failed: number;
  total: number;
  /** No document changed state for a while: likely no workers are running. */
  stalled: boolean;
}

/**
 * Polls the status of `docIds` until each is published or failed, or `timeoutMs` passes.
 * Resolves to the last state seen of each document.
 */
export async function awaitDocuments(
  status: DocStatus,
  docIds: readonly string[],
  opts: { timeoutMs: number; pollMs?: number; stallMs?: number; onProgress?: (p: AwaitProgress) => void },
): Promise<Map<string, DocState | null>> {
  const states = new Map<string, DocState | null>();
  const started = Date.now();
  let lastChange = started;
  const done = (s: DocState | null | undefined) => s?.state === 'published' || s?.state === 'failed';
  for (;;) {
    // A document seen published or failed is not asked for again: its status may be trimmed
    // later (only the newest documents keep one), and the answer stands.
    const open = docIds.filter((docId) => !done(states.get(docId)));
    const fresh = await Promise.all(open.map((docId) => status.get(docId)));
    open.forEach((docId, i) => {
      const s = fresh[i] ?? null;
      if (s?.updatedAt !== states.get(docId)?.updatedAt) lastChange = Date.now();
      states.set(docId, s);
    });
    let published = 0;
    let failed = 0;
    for (const s of states.values()) {
      if (s?.state === 'published') published++;
      if (s?.state === 'failed') failed++;
    }
    const stalled = Date.now() - lastChange > (opts.stallMs ?? 10_000);
    opts.onProgress?.({ published, failed, total: docIds.length, stalled });
    if (published + failed === docIds.length || Date.now() - started > opts.timeoutMs) return states;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}
