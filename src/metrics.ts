import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus metrics, served at the dashboard's `/metrics`. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'pressline_' });

export const jobsProcessed = new Counter({
  name: 'pressline_jobs_processed_total',
  help: 'Jobs a stage finished, by stage.',
  labelNames: ['stage'] as const,
  registers: [registry],
});

export const jobsFailed = new Counter({
  name: 'pressline_jobs_failed_total',
  help: 'Failed attempts, by stage, error code and whether the job will be retried.',
  labelNames: ['stage', 'code', 'final'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'pressline_job_duration_seconds',
  help: 'Time a stage spent on one job.',
  labelNames: ['stage'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
  registers: [registry],
});

export const fetchResponses = new Counter({
  name: 'pressline_fetch_responses_total',
  help: 'HTTP responses seen by the fetch stage, by host and status code.',
  labelNames: ['host', 'status'] as const,
  registers: [registry],
});

export const sinkDeliveries = new Counter({
  name: 'pressline_sink_deliveries_total',
  help: 'Records delivered to each sink, by outcome (written, duplicate, failed).',
  labelNames: ['sink', 'outcome'] as const,
  registers: [registry],
});
