import type { App } from '../app.js';

/** Starts the dashboard HTTP server for this pipeline; resolves to its URL and a stopper. */
export async function startDashboard(_app: App): Promise<{ url: string; close(): Promise<void> }> {
  return { url: '', close: async () => {} };
}
