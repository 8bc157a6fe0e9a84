import type { Handler } from '../context.js';

const timeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** GET /healthz — the process is up. */
export const healthzRoute: Handler = (_ctx, _req, res) => {
  res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
};

/** GET /readyz — Redis and every sink answer (503 naming what does not). */
export const readyzRoute: Handler = async (ctx, _req, res) => {
  const checks: Record<string, string> = {};
  const run = async (name: string, check: () => Promise<unknown>) => {
    try {
      await timeout(check(), 2000);
      checks[name] = 'ok';
    } catch (err) {
      checks[name] = (err as Error).message;
    }
  };
  await Promise.all([
    run('redis', () => ctx.app.connection.ping()),
    ...ctx.app.sinks.map((s) => run(`sink:${s.name}`, () => s.check())),
  ]);
  const ready = Object.values(checks).every((v) => v === 'ok');
  res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
};
