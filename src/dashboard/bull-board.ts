import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { App } from '../app.js';
import { redact } from '../redact.js';

/**
 * The Bull Board API calls that change something and are allowed when queue actions are on:
 * retry (all failed or completed jobs, or one job), clean (all jobs in a state), promote (all
 * delayed jobs, or one) and remove (one job: Bull Board calls it "clean"). Everything else that
 * is not a read — add, update data, delay, priority, empty, obliterate, pause, resume,
 * concurrency, rate limits, schedulers — is refused here, before Bull Board sees it: job data
 * written from the board would bypass every check the producers make.
 */
export const QUEUE_ACTIONS: readonly RegExp[] = [
  /^\/api\/queues\/[^/]+\/retry\/(failed|completed)$/,
  /^\/api\/queues\/[^/]+\/clean\/[a-z]+$/,
  /^\/api\/queues\/[^/]+\/promote$/,
  /^\/api\/queues\/[^/]+\/[^/]+\/(retry|clean|promote)$/,
];

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/** Lets reads through, and only {@link QUEUE_ACTIONS} (as PUT) when `actions` is on. */
function actionGuard(actions: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isRead(req.method)) return next();
    if (actions && req.method === 'PUT' && QUEUE_ACTIONS.some((r) => r.test(req.path))) return next();
    res
      .status(403)
      .type('text/plain')
      .send(
        actions
          ? 'Only retry, clean, promote and remove are allowed from Bull Board.\n'
          : 'Bull Board is read-only (DASHBOARD_QUEUE_ACTIONS=false).\n',
      );
  };
}

type ShownJob = { failedReason?: unknown; stacktrace?: unknown };

/**
 * Redacts the failed reason and stack trace of every job Bull Board's API sends: an error that
 * did not pass through Pressline's error model may still hold a URL with credentials.
 */
function redactFailures(_req: Request, res: Response, next: NextFunction): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const b = body as { queues?: { jobs?: ShownJob[] }[]; job?: ShownJob } | null;
    for (const job of [...(b?.queues ?? []).flatMap((q) => q.jobs ?? []), ...(b?.job ? [b.job] : [])]) {
      if (typeof job.failedReason === 'string') job.failedReason = redact(job.failedReason);
      if (Array.isArray(job.stacktrace))
        job.stacktrace = job.stacktrace.map((l: unknown) => (typeof l === 'string' ? redact(l) : l));
    }
    return json(body);
  };
  next();
}

/**
 * Bull Board for every queue of the pipeline (stages and deliveries), at `basePath`.
 * Read-only unless `actions` is on: then retry, clean, promote and remove work, and nothing else.
 */
export function bullBoard(app: App, opts: { basePath: string; actions: boolean }): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(opts.basePath);
  createBullBoard({
    queues: app.queues
      .all()
      .map((q) => new BullMQAdapter(q, { readOnlyMode: !opts.actions, allowRetries: opts.actions })),
    // @bull-board/express ships its own copy of @bull-board/api; the two types differ only by declaration.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Pressline queues' } },
  });
  const router = Router();
  router.use(actionGuard(opts.actions));
  router.use('/api', redactFailures);
  router.use(serverAdapter.getRouter() as Router);
  return router;
}
