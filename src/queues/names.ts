import type { Config } from '../config.js';

/** The queue that feeds each stage; `discover` runs the source schedulers. */
export const QUEUES = ['discover', 'fetch', 'clean', 'segment', 'figures', 'publish'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Each sink has its own delivery queue, so one archive being down never holds up another. */
export const deliverQueue = (sink: string): string => `deliver-${sink}`;

/** The BullMQ prefix: the configured one wrapped in `{…}`, a Redis Cluster hash tag, so all keys share a slot. */
export const bullPrefix = (config: Pick<Config, 'queuePrefix'>): string => `{${config.queuePrefix}}`;

/** A key of Pressline's own (seen-store, document status, …) under the same hash tag. */
export const redisKey = (config: Pick<Config, 'queuePrefix'>, ...parts: string[]): string =>
  [bullPrefix(config), 'pl', ...parts].join(':');
