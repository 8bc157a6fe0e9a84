/**
 * Every stage, in pipeline order: `discover` lists the sources, the document stages run once
 * per document, `deliver` once per sink (each sink has its own queue: `deliverQueue`).
 * The queues, the workers and `pressline workers --stages` all derive from this one list.
 */
export const STAGES = ['discover', 'fetch', 'clean', 'segment', 'figures', 'publish', 'deliver'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a document passes through before delivery, each fed by one queue. */
export type DocumentStage = Exclude<Stage, 'discover' | 'deliver'>;

/** The stages with one queue each: all but `deliver`. */
export const QUEUE_STAGES = STAGES.filter((s): s is Exclude<Stage, 'deliver'> => s !== 'deliver');

/** The stages of one document (every queue it can be in bar its deliveries). */
export const DOCUMENT_STAGES = STAGES.filter((s): s is DocumentStage => s !== 'discover' && s !== 'deliver');
