import { cachedOverview } from '../overview.js';
import type { Handler } from '../context.js';

/** GET /api/overview — everything the pipeline page shows, as JSON. */
export const overviewJsonRoute: Handler = async (ctx, _req, res) => {
  res.setHeader('Cache-Control', 'no-store');
  res.json(await cachedOverview(ctx.app));
};
