import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { App } from '../app.js';

/**
 * Bull Board for every queue of the pipeline (stages and deliveries), at `basePath`.
 * Read-only unless `actions` is on: then retry, clean, promote and remove work from its UI.
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
  return serverAdapter.getRouter() as Router;
}
