import type { Handler } from '../context.js';
import { PermanentError } from '../../errors.js';
import { retryDocument } from '../retry.js';
import { forgetOverview } from '../overview.js';
import { redirectBack } from './redirect.js';

/** POST /actions/retry-document (docId, stage?) — retries a failed document's failed stage. */
export const retryDocumentAction: Handler = async (ctx, req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const docId = typeof body.docId === 'string' ? body.docId : '';
  const stage = typeof body.stage === 'string' && body.stage ? body.stage : undefined;
  if (!docId) throw new PermanentError('ERR_BAD_REQUEST', 'retry-document needs a docId field');
  const stages = await retryDocument(ctx.app, docId, stage);
  forgetOverview(ctx.app);
  ctx.log.info({ docId, stages, action: 'retry-document' }, 'document retried from the dashboard');
  redirectBack(
    res,
    body.back,
    stages.length ? `Retried ${docId} at ${stages.join(', ')}.` : `${docId} was already moving again.`,
  );
};
