import type { Handler } from '../context.js';
import { PermanentError } from '../../errors.js';
import { promoteDeliveries } from '../../queues/delivery-probe.js';
import { deliverQueue } from '../../queues/names.js';
import { retryStage } from '../retry.js';
import { forgetOverview } from '../overview.js';
import { redirectBack } from './redirect.js';

/**
 * POST /actions/retry-sink (sink) — "retry now": the sink's deliveries waiting out their
 * backoff go out at once, and its failed deliveries are sent back to its queue.
 */
export const retrySinkAction: Handler = async (ctx, req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const sink = typeof body.sink === 'string' ? body.sink : '';
  const queue = ctx.app.queues.byName.get(deliverQueue(sink));
  if (!sink || !queue)
    throw new PermanentError(
      'ERR_BAD_REQUEST',
      `retry-sink needs the name of a configured sink, not "${sink}"`,
    );
  const waiting = await promoteDeliveries(queue);
  const failed = await retryStage(ctx.app, queue.name);
  forgetOverview(ctx.app);
  ctx.log.info(
    { sink, waiting, failed, action: 'retry-sink' },
    'deliveries of a sink retried from the dashboard',
  );
  redirectBack(
    res,
    body.back,
    `${sink}: ${waiting} waiting deliveries sent now, ${failed} failed ones retried.`,
  );
};
