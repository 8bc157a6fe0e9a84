import type { Command } from 'commander';
import { localStageContext } from '../app.js';
import { resolveInputs } from '../inputs.js';
import { runLocal } from '../run-local.js';
import { loadRuntime } from './runtime.js';

export function register(program: Command): void {
  program
    .command('process')
    .description('run every stage in this process, without Redis, and print one record per input')
    .argument('<inputs...>', 'transcript files (HTML or text), folders, or http(s) URLs')
    .option('--id <id>', 'the record id of the one input given (instead of one made from its path or URL)')
    .option('--jsonl', 'print one record per line (JSON Lines) instead of indented JSON')
    .addHelpText('after', '\nExample:\n  $ pressline process examples/eeas-press-remarks.html --jsonl')
    .action(async (args: string[], opts: { jsonl?: boolean; id?: string }) => {
      const rt = loadRuntime();
      const inputs = await resolveInputs(args, { maxBytes: rt.config.inputMaxBytes, id: opts.id });
      const context = localStageContext(rt.config);
      let failed = 0;
      for (const input of inputs) {
        try {
          const record = await runLocal(input.job, context(rt.log.child({ docId: input.job.docId })));
          if (!record) throw new Error('nothing to print: the source answered that it has not changed');
          process.stdout.write(
            opts.jsonl ? `${JSON.stringify(record)}\n` : `${JSON.stringify(record, null, 2)}\n`,
          );
        } catch (err) {
          failed++;
          rt.log.error({ input: input.label, err }, 'could not process input');
          process.stderr.write(`pressline: ${input.label}: ${(err as Error).message}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });
}
