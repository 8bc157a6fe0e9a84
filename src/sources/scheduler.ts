import type { App } from '../app.js';

/** Upserts one BullMQ Job Scheduler per enabled source and starts the discover worker. Returns a stopper. */
export async function startDiscovery(_app: App): Promise<() => Promise<void>> {
  return async () => {};
}
