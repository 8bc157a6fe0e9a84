import { describe, expect, it } from 'vitest';
import { deliverQueue, sinkOfQueue } from '../../src/queues/names.js';
import { DOCUMENT_STAGES, QUEUE_STAGES, STAGES } from '../../src/stages/names.js';

describe('queue names', () => {
  it("names each sink's delivery queue and reads the sink back from it", () => {
    for (const sink of ['jsonl', 'pg', 'webhook']) expect(sinkOfQueue(deliverQueue(sink))).toBe(sink);
  });

  it('takes no stage queue for a delivery queue', () => {
    for (const stage of QUEUE_STAGES) expect(sinkOfQueue(stage)).toBeNull();
  });

  it('derives the queues and a document’s stages from the one stage list, in pipeline order', () => {
    expect(QUEUE_STAGES).toEqual(STAGES.filter((s) => s !== 'deliver'));
    expect(DOCUMENT_STAGES).toEqual(['fetch', 'clean', 'segment', 'figures', 'publish']);
  });
});
