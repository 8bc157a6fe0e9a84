import type { Command } from 'commander';
import { App } from '../app.js';
import { RedisUnavailableError } from '../errors.js';
import { memoryClient } from '../fetch/index.js';
import type { Input } from '../inputs.js';
import { loadSources, parseSources, sourceNamed } from '../sources/load.js';
import type { SourceConfig } from '../sources/schema.js';
import { runDiscovery } from '../stages/discover-run.js';
import { readFile } from 'node:fs/promises';
import { loadRuntime } from './runtime.js';

const every = (ms: number): string =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;

/** Where a source lists from: its feed, sitemap or base URL. */
const whereOf = (s: SourceConfig): string => ('url' in s ? s.url : s.baseUrl);

/** One line per source: name, type, on or off, interval, where it lists from. */
export function formatSourceList(sources: readonly SourceConfig[]): string[] {
  const w = Math.max(4, ...sources.map((s) => s.name.length));
  const t = Math.max(4, ...sources.map((s) => s.type.length));
  return sources.map(
    (s) =>
      `${s.name.padEnd(w)}  ${s.type.padEnd(t)}  ${s.enabled ? 'on ' : 'off'}  every ${every(s.interval).padEnd(4)}  ${whereOf(s)}`,
  );
}

export function register(program: Command): void {
  const cmd = program
    .command('sources')
    .description('list, validate or try the discovery sources (SOURCES_FILE, else the built-in ones)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ pressline sources\n  $ pressline sources validate my-sources.yaml\n  $ pressline sources dry-run eeas',
    )
    .action(async () => list());
  cmd.command('list').description('one line per source: name, type, on/off, interval, URL').action(list);
  cmd
    .command('validate')
    .description('check a sources file (default: SOURCES_FILE); each problem is named by its source')
    .argument('[file]', 'the sources file (YAML or JSON)')
    .action(async (file?: string) => {
      const { config } = loadRuntime();
      const path = file ?? config.sourcesFile;
      const sources = path ? parseSources(await readFile(path, 'utf8'), path) : await loadSources(config);
      process.stdout.write(
        `${path ?? 'the built-in sources'}: ${sources.length} source(s), ${sources.filter((s) => s.enabled).length} on; no problems\n`,
      );
    });
  cmd
    .command('dry-run')
    .description('list one source now and print what discovery would queue, without queueing anything')
    .argument('<name>', 'a source name (see `pressline sources`)')
    .action(async (name: string) => {
      const rt = loadRuntime();
      const source = sourceNamed(await loadSources(rt.config), name);
      // With the pipeline's Redis, what it has seen is left out, as a run would; without, all is new.
      const app = await App.connect(rt.config, rt.log).catch((err: unknown) => {
        if (err instanceof RedisUnavailableError) return null;
        throw err;
      });
      const wouldQueue: Input[] = [];
      try {
        const r = await runDiscovery(source, {
          client: memoryClient(rt.config),
          seen: {
            get: async (ids) => (app ? app.stores.seen.get(ids) : new Map()),
            mark: async () => {},
          },
          listings: null,
          enqueue: async (input) => {
            wouldQueue.push(input);
            return 'queued';
          },
          now: () => new Date(),
          log: rt.log,
        });
        for (const i of wouldQueue) {
          const t = i.job.target;
          process.stdout.write(`${t.kind === 'url' && t.url !== i.label ? `${t.url}  ` : ''}${i.label}\n`);
        }
        process.stderr.write(
          `${source.name}: ${r.found} item(s) listed, ${wouldQueue.length} would be queued, ${r.unchanged} already seen, ${r.filtered} filtered out${app ? '' : ' (no Redis answers: every item counts as new)'}; nothing was queued.\n`,
        );
      } finally {
        await app?.close();
      }
    });
}

async function list(): Promise<void> {
  const { config } = loadRuntime();
  const sources = await loadSources(config);
  process.stdout.write(`${formatSourceList(sources).join('\n')}\n`);
  process.stderr.write(
    `${config.sourcesFile ? `from ${config.sourcesFile}` : 'the built-in sources (set SOURCES_FILE for your own)'}${config.discovery ? '' : '; discovery is off (DISCOVERY=false)'}\n`,
  );
}
