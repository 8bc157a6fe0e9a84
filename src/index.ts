/**
 * Pressline as a library: the published record's schema and types (the contract with
 * everyone downstream), and what a webhook receiver needs to check and read what Pressline
 * sends it.
 *
 * @example
 * import { verifyWebhook, type RecordEvent } from 'pressline';
 * const event = verifyWebhook<RecordEvent>(rawBody, req.headers, process.env.WEBHOOK_SECRET!);
 */
export {
  SCHEMA_VERSION,
  PressRecord,
  Source,
  Meta,
  Speaker,
  Segment,
  SegmentKind,
  Exchange,
  Figure,
  FigureKind,
  Approx,
  Pipeline,
  Site,
} from './schemas/record.js';
export {
  verifyWebhook,
  sign,
  signatureHeaders,
  WebhookVerificationError,
} from './sinks/standard-webhooks.js';
export type { HeadersLike, VerifyOptions, WebhookSecret } from './sinks/standard-webhooks.js';
export { RECORD_PUBLISHED, eventIdFor, toCloudEvent } from './sinks/cloudevents.js';
export type { RecordEvent } from './sinks/cloudevents.js';
export { PresslineError, PermanentError, TransientError, ValidationError } from './errors.js';
