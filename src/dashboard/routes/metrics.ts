import { registry } from '../../metrics.js';
import type { Handler } from '../context.js';

/** GET /metrics — Prometheus text format: stage counters and durations, queue depths, fetches, deliveries. */
export const metricsRoute: Handler = async (_ctx, _req, res) => {
  res.setHeader('Content-Type', registry.contentType);
  res.send(await registry.metrics());
};
