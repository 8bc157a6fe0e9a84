import type { Command } from 'commander';
import { App } from '../app.js';
import { startDashboard } from '../dashboard/server.js';
import { loadRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';

export function register(program: Command): void {
  program
    .command('dashboard')
    .description('only the dashboard (pipeline page, Bull Board, /metrics, /healthz, /readyz), no workers')
    .option(
      '--host <host>',
      'bind address (DASHBOARD_HOST); beyond loopback it needs DASHBOARD_TOKEN or basic auth',
    )
    .option('--port <port>', 'port (DASHBOARD_PORT)', (v) => Number.parseInt(v, 10))
    .addHelpText(
      'after',
      '\nExample:\n  $ pressline dashboard --port 3000\n  $ DASHBOARD_TOKEN=s3cret pressline dashboard --host 0.0.0.0',
    )
    .action(async (opts: { host?: string; port?: number }) => {
      const rt = loadRuntime({
        ...(opts.host ? { dashboardHost: opts.host } : {}),
        ...(opts.port !== undefined ? { dashboardPort: opts.port } : {}),
      });
      const app = await App.connect(rt.config, rt.log);
      let dashboard;
      try {
        dashboard = await startDashboard(app);
      } catch (err) {
        await app.close();
        throw err;
      }
      process.stderr.write(`Dashboard: ${dashboard.url}\n`);
      onShutdown(rt.log, async () => {
        await dashboard.close();
        await app.close();
      });
    });
}
