import type { Handler } from '../context.js';
import { PermanentError } from '../../errors.js';
import { retryStage } from '../retry.js';
import { forgetOverview } from '../overview.js';
import { redirectBack } from './redirect.js';

/** POST /actions/retry-stage (stage) — retries every failed job of one stage's queue. */
export const retryStageAction: Handler = async (ctx, req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const stage = typeof body.stage === 'string' ? body.stage : '';
  if (!stage) throw new PermanentError('ERR_BAD_REQUEST', 'retry-stage needs a stage field');
  const count = await retryStage(ctx.app, stage);
  forgetOverview(ctx.app);
  ctx.log.info({ stage, count, action: 'retry-stage' }, 'failed jobs of a stage retried from the dashboard');
  redirectBack(res, body.back, `Retried ${count} failed job${count === 1 ? '' : 's'} of ${stage}.`);
};
