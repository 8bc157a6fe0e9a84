import type { Request, Response } from 'express';
import { markup } from '../html.js';
import { param, sendHtml, viewContext, type DashboardContext, type Handler } from '../context.js';
import { latestRecord } from '../record.js';
import { documentLive, documentPage, type DocumentView } from '../views/document.js';
import { layout } from '../views/layout.js';
import { copiesOf, versionsOf } from '../versions.js';

async function load(
  ctx: DashboardContext,
  req: Request,
  res: Response,
  withRecord: boolean,
): Promise<DocumentView | null> {
  const id = param(req, 'id');
  const doc = id ? await ctx.app.status.get(id) : null;
  if (!doc) {
    const page = layout(
      viewContext(ctx, req, res),
      'Not found',
      markup`<h1>No such document</h1><p>No document <code>${id ?? ''}</code> in the pipeline status. <a href="/">Back to the pipeline</a></p>`,
    );
    sendHtml(res, page, 404);
    return null;
  }
  const columns = ctx.app.queues.documentQueues();
  return { doc, columns, record: withRecord ? await latestRecord(ctx.app, doc) : null };
}

/** GET /doc?id= — one document: its status per stage, its record with segments and figures marked. */
export const documentPageRoute: Handler = async (ctx, req, res) => {
  const view = await load(ctx, req, res, true);
  if (!view) return;
  view.versions = await versionsOf(ctx.app, view.doc.docId);
  view.copies = await copiesOf(ctx.app, view.doc.docId);
  sendHtml(res, documentPage(viewContext(ctx, req, res), view));
};

/** GET /fragments/doc?id= — the live part of the document page. */
export const documentFragmentRoute: Handler = async (ctx, req, res) => {
  const view = await load(ctx, req, res, false);
  if (!view) return;
  // The page was shown before its record existed: say so once the document is published.
  if (param(req, 'record') === '0' && view.doc.state === 'published')
    view.recordReady = (await latestRecord(ctx.app, view.doc)) !== null;
  sendHtml(res, documentLive(viewContext(ctx, req, res), view));
};
