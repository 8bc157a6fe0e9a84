import { param, sendHtml, viewContext, type Handler } from '../context.js';
import { searchPage } from '../views/document.js';
import { docsTable } from '../views/pipeline.js';

/** GET /search?q= — documents whose id, URL (or path) or title contains the query. */
export const searchPageRoute: Handler = async (ctx, req, res) => {
  const q = (param(req, 'q') ?? '').slice(0, 200);
  const docs = await ctx.app.status.search(q, 100);
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
    ),
  );
};
