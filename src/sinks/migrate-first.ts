import type { PressRecord } from '../schemas/record.js';
import type { PostgresSink } from './postgres.js';
import type { DeliveryOutcome, Sink } from './types.js';

/**
 * The PostgreSQL sink, migrated before its first delivery in this process. `pressline start`
 * runs while PostgreSQL is down: its deliveries wait in `deliver-pg`, and the first one that
 * reaches the server creates the tables first. A migration that fails is tried again by the
 * next delivery (its error is the delivery's, so the job retries as any other).
 */
export function migrateFirst(pg: PostgresSink): Sink {
  let ready: Promise<unknown> | null = null;
  const migrated = (): Promise<unknown> => {
    ready ??= pg.migrate().catch((err: unknown) => {
      ready = null;
      throw err;
    });
    return ready;
  };
  return {
    name: pg.name,
    async deliver(record: PressRecord): Promise<DeliveryOutcome> {
      await migrated();
      return pg.deliver(record);
    },
    async deliverMany(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
      await migrated();
      return pg.deliverMany(records);
    },
    check: () => pg.check(),
    close: () => pg.close(),
  };
}
