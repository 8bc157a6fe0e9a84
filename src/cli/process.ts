import type { Command } from 'commander';
import { localStageContext } from '../app.js';
import { MemoryVersionHistory } from '../changes/memory-history.js';
import { resolveInputs } from '../inputs.js';
import { MemoryLinkIndex } from '../links/index.js';
import { runLocal } from '../run-local.js';
import { annotate, type AnnotateDeps } from '../stages/annotate.js';
import { loadRuntime, oneLine } from './runtime.js';

export function register(program: Command): void {
  program
    .command('process')
    .description('run every stage in this process, without Redis, and print one record per input')
    .argument('<inputs...>', 'transcript files (HTML or text), folders, or http(s) URLs')
    .option('--id <id>', 'the record id of the one input given (instead of one made from its path or URL)')
    .option('--jsonl', 'print one record per line (JSON Lines) instead of indented JSON')
    .option(
      '--keep-raw',
      'keep the raw snapshots under DATA_DIR/raw (by default `process` writes nothing to disk)',
    )
    .addHelpText('after', '\nExample:\n  $ pressline process examples/eeas-press-remarks.html --jsonl')
    .action(async (args: string[], opts: { jsonl?: boolean; keepRaw?: boolean; id?: string }) => {
      const rt = loadRuntime();
      const inputs = await resolveInputs(args, { maxBytes: rt.config.inputMaxBytes, id: opts.id });
      const context = localStageContext(rt.config, { keepRaw: opts.keepRaw ?? false });
      // Annotated as the publish worker does, against this run's records only (no Redis):
      // copies among the inputs get `sameAs`, a second version of one id gets `changes`.
      const annotations: AnnotateDeps = { history: new MemoryVersionHistory(), links: new MemoryLinkIndex() };
      let failed = 0;
      for (const input of inputs) {
        try {
          const derived = await runLocal(input.job, context(rt.log.child({ docId: input.job.docId })));
          if (!derived) throw new Error('nothing to print: the source answered that it has not changed');
          const record = await annotate(derived, annotations);
          process.stdout.write(
            opts.jsonl ? `${JSON.stringify(record)}\n` : `${JSON.stringify(record, null, 2)}\n`,
          );
        } catch (err) {
          failed++;
          rt.log.debug({ input: input.label, err }, 'could not process input');
          process.stderr.write(
            `${oneLine(err).replace(/^pressline(\S*): /, `pressline$1: ${input.label}: `)}\n`,
          );
        }
      }
      if (failed) process.exitCode = 1;
    });
}
