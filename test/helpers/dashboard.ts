import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config.js';
import { startDashboard } from '../../src/dashboard/server.js';
import { eventually, testPipeline, type TestPipeline } from './pipeline.js';

/** A transcript of test/fixtures/transcripts, as a path. */
export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/transcripts/${name}`, import.meta.url));

export const TRANSCRIPTS = [
  'commission-midday.txt',
  'foreign-affairs-doorstep.txt',
  'ecb-hearing.txt',
] as const;

export interface DashboardUnderTest {
  p: TestPipeline;
  /** The dashboard's base URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** A real pipeline (own queue prefix and data folder, real workers) with its dashboard on a free port. */
export async function dashboardUnderTest(
  overrides: Partial<Config> = {},
  opts: { workers?: boolean } = {},
): Promise<DashboardUnderTest> {
  const p = await testPipeline({ attempts: 2, ...overrides });
  if (opts.workers !== false) p.app.startWorkers();
  const dash = await startDashboard(p.app, { host: '127.0.0.1', port: 0 });
  return {
    p,
    url: dash.url,
    async close() {
      await dash.close();
      await p.cleanup();
    },
  };
}

/** A site on this machine whose pages answer 404 until `fix()` is called, then a transcript. */
export interface FlakySite {
  url(path: string): string;
  fix(): void;
  close(): Promise<void>;
}

export async function flakySite(body: string): Promise<FlakySite> {
  let fixed = false;
  const server: Server = createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    if (!fixed) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here yet');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    fix: () => {
      fixed = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the document reaches `state` (published, failed, …); on timeout the error shows its status. */
export async function until(
  p: TestPipeline,
  docId: string,
  state: string,
  timeoutMs = 20_000,
): Promise<void> {
  try {
    await eventually(
      async () => ((await p.app.status.get(docId))?.state === state ? true : undefined),
      timeoutMs,
      `${docId} ${state}`,
    );
  } catch (err) {
    const counts = await Promise.all(
      p.app.queues.all().map(async (q) => `${q.name} ${JSON.stringify(await q.getJobCounts())}`),
    );
    throw new Error(
      `${(err as Error).message}; status: ${JSON.stringify(await p.app.status.get(docId))}; queues: ${counts.join(', ')}`,
      { cause: err },
    );
  }
}

/** The CSRF token a page's forms carry. */
export const csrfOf = (page: string): string => {
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('no CSRF token on the page (read-only, or nothing to act on)');
  return token;
};

/** The value of one Prometheus sample (0 when the series is absent). */
export function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries(
      [...(m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4]);
  }
  return 0;
}
