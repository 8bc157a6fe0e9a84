export * from './record.js';
export * from './jobs.js';
