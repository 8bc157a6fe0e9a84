/** Each sink has its own delivery queue, so one archive being down never holds up another. */
export const deliverQueue = (sink: string): string => `deliver-${sink}`;

/** The sink a delivery queue serves, or null for a stage queue. */
export function sinkOfQueue(queue: string): string | null {
  const prefix = deliverQueue('');
  return queue.startsWith(prefix) ? queue.slice(prefix.length) : null;
}
