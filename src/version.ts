import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

/** Pressline's own version, written into every record's `pipeline.version`. */
export const PIPELINE_VERSION: string = pkg.version;
