import type { Request, Response } from 'express';
import type { App } from '../app.js';
import type { Logger } from '../logger.js';
import type { ViewContext } from './views/layout.js';

/** What every route handler gets: the pipeline, the process's CSRF token, the mode, a logger. */
export interface DashboardContext {
  app: App;
  csrf: string;
  readOnly: boolean;
  log: Logger;
}

/** One HTTP action or page, bull-board style: a small function of the context and the request. */
export type Handler = (ctx: DashboardContext, req: Request, res: Response) => Promise<void> | void;

/** The view context of a request (its CSP nonce, the notice it carries). */
export function viewContext(ctx: DashboardContext, req: Request, res: Response): ViewContext {
  const notice = typeof req.query.notice === 'string' ? req.query.notice.slice(0, 300) : undefined;
  return { csrf: ctx.csrf, nonce: String(res.locals.nonce ?? ''), readOnly: ctx.readOnly, notice };
}

/** A query parameter as one string, or undefined. */
export const param = (req: Request, name: string): string | undefined => {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
};

/** Sends a built page. */
export const sendHtml = (res: Response, body: { toString(): string }, status = 200): void => {
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(body.toString());
};
