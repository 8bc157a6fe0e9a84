import { cachedOverview } from '../overview.js';
import { sendHtml, viewContext, type Handler } from '../context.js';
import { pipelineLive, pipelinePage } from '../views/pipeline.js';

/** GET / — the pipeline page. */
export const pipelinePageRoute: Handler = async (ctx, req, res) => {
  sendHtml(res, pipelinePage(viewContext(ctx, req, res), await cachedOverview(ctx.app)));
};

/** GET /fragments/pipeline — the live part of the pipeline page, polled by its script. */
export const pipelineFragmentRoute: Handler = async (ctx, req, res) => {
  sendHtml(res, pipelineLive(viewContext(ctx, req, res), await cachedOverview(ctx.app)));
};
