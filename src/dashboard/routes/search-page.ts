import { param, sendHtml, viewContext, type Handler } from '../context.js';
import { searchPage } from '../views/document.js';
import { docsTable } from '../views/pipeline.js';
import { foldCopies } from '../versions.js';

/**
 * GET /search?q=[&significant=1] — documents whose id, URL (or path) or title contains the query,
 * one row per remarks (copies folded into the first listed); with `significant=1`, only those
 * whose last change is significant.
 */
export const searchPageRoute: Handler = async (ctx, req, res) => {
  const q = (param(req, 'q') ?? '').slice(0, 200);
  const significant = param(req, 'significant') === '1';
  const { docs, folded } = await foldCopies(ctx.app, await ctx.app.status.search(q, 100), { significant });
  const columns = ctx.app.queues.documentQueues();
  sendHtml(
    res,
    searchPage(
      viewContext(ctx, req, res),
      q,
      docsTable(
        docs,
        columns,
        q ? `No documents match “${q}”.` : 'Type part of an id, a URL or path, or a title.',
      ),
      docs.length,
      { folded, significant },
    ),
  );
};
