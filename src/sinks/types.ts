import type { PressRecord } from '../schemas/record.js';

/** What a delivery did: wrote the record, or found that version already there (a no-op). */
export type DeliveryOutcome = 'written' | 'duplicate';

/** An archive that receives published records. Deliveries are idempotent on (id, version). */
export interface Sink {
  readonly name: string;
  deliver(record: PressRecord): Promise<DeliveryOutcome>;
  /** Delivers many records at once (one transaction, one write, requests in parallel); all or nothing fails. */
  deliverMany?(records: readonly PressRecord[]): Promise<DeliveryOutcome[]>;
  /** Throws when the archive does not answer (for `/readyz`). */
  check(): Promise<void>;
  close(): Promise<void>;
}
