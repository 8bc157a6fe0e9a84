import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { App } from '../app.js';
import { PresslineError } from '../errors.js';
import { retryDocumentAction } from './actions/retry-document.js';
import { retryStageAction } from './actions/retry-stage.js';
import { bullBoard } from './bull-board.js';
import { sendHtml, viewContext, type DashboardContext, type Handler } from './context.js';
import { markup } from './html.js';
import { watchQueues } from './queue-metrics.js';
import { documentFragmentRoute, documentPageRoute } from './routes/document-page.js';
import { healthzRoute, readyzRoute } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { overviewJsonRoute } from './routes/overview-json.js';
import { pipelineFragmentRoute, pipelinePageRoute } from './routes/pipeline-page.js';
import { searchPageRoute } from './routes/search-page.js';
import {
  assertSafeBind,
  authenticate,
  csrfGuard,
  hostGuard,
  newSecret,
  securityHeaders,
} from './security.js';
import { layout } from './views/layout.js';

export interface DashboardOptions {
  /** Overrides DASHBOARD_HOST. */
  host?: string;
  /** Overrides DASHBOARD_PORT (0 picks a free port). */
  port?: number;
}

/**
 * The dashboard as an Express app: the pipeline page at `/`, documents, search, Bull Board
 * at `/queues`, `/metrics`, `/healthz`, `/readyz`, and the retry actions (POST, CSRF-checked).
 * `/healthz` and `/readyz` answer without credentials, for probes; everything else needs them
 * when credentials are configured.
 */
export function createDashboard(app: App): express.Express {
  const { config } = app;
  const ctx: DashboardContext = {
    app,
    csrf: newSecret(),
    readOnly: config.dashboardReadOnly,
    log: app.log.child({ component: 'dashboard' }),
  };
  const on = (h: Handler) => (req: Request, res: Response) => h(ctx, req, res);
  const server = express();
  server.disable('x-powered-by');
  if (config.dashboardTrustProxy) server.set('trust proxy', true);
  server.use(securityHeaders);
  server.get('/healthz', on(healthzRoute));
  server.get('/readyz', on(readyzRoute));
  server.use(hostGuard(config.dashboardAllowedHosts));
  server.use(authenticate(config));
  if (ctx.readOnly) {
    server.post('/actions/*action', (_req: Request, res: Response) => {
      res.status(403).type('text/plain').send('The dashboard is read-only (DASHBOARD_READ_ONLY).\n');
    });
  }
  server.use(express.urlencoded({ extended: false, limit: '16kb' }));
  server.use(csrfGuard(ctx.csrf, config.dashboardAllowedHosts));
  server.get('/', on(pipelinePageRoute));
  server.get('/fragments/pipeline', on(pipelineFragmentRoute));
  server.get('/doc', on(documentPageRoute));
  server.get('/fragments/doc', on(documentFragmentRoute));
  server.get('/search', on(searchPageRoute));
  server.get('/api/overview', on(overviewJsonRoute));
  server.get('/metrics', on(metricsRoute));
  if (!ctx.readOnly) {
    server.post('/actions/retry-document', on(retryDocumentAction));
    server.post('/actions/retry-stage', on(retryStageAction));
  }
  server.use(
    '/queues',
    bullBoard(app, { basePath: '/queues', actions: config.dashboardQueueActions && !ctx.readOnly }),
  );
  server.use((req: Request, res: Response) => {
    sendHtml(
      res,
      layout(
        viewContext(ctx, req, res),
        'Not found',
        markup`<h1>Not found</h1><p><a href="/">Back to the pipeline</a></p>`,
      ),
      404,
    );
  });
  server.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = err instanceof PresslineError && !err.retryable;
    if (!known) ctx.log.error({ err, path: req.path }, 'dashboard request failed');
    const message =
      err instanceof PresslineError ? `${err.code}: ${err.message}` : 'Internal error; see the logs.';
    const status = known ? (err.code === 'ERR_DOC_UNKNOWN' ? 404 : 409) : 500;
    sendHtml(
      res,
      layout(
        viewContext(ctx, req, res),
        'Error',
        markup`<h1>That did not work</h1><section class="card"><p class="reason">${message}</p><p><a href="/">Back to the pipeline</a></p></section>`,
      ),
      status,
    );
  });
  return server;
}

/**
 * Starts the dashboard HTTP server for this pipeline; resolves to its URL and a stopper.
 * Refuses to start (ConfigError) when bound beyond loopback without a token or basic auth.
 */
export async function startDashboard(
  app: App,
  opts: DashboardOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? app.config.dashboardHost;
  const port = opts.port ?? app.config.dashboardPort;
  assertSafeBind({ ...app.config, dashboardHost: host });
  const server = createDashboard(app);
  const http = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = server.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const unwatch = watchQueues(app);
  const address = http.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}/`;
  app.log.info(
    {
      url,
      readOnly: app.config.dashboardReadOnly,
      auth: Boolean(app.config.dashboardToken || app.config.dashboardUser),
    },
    'dashboard listening',
  );
  return {
    url,
    close: async () => {
      unwatch();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
