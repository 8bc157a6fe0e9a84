import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Config } from '../config.js';
import { ConfigError, ValidationError } from '../errors.js';
import { DEFAULT_SOURCES, SourcesFile, type SourceConfig } from './schema.js';

/** Parses sources-file content (YAML or JSON); a bad file throws a ConfigError naming each `path: problem`. */
export function parseSources(text: string, where: string): SourceConfig[] {
  let data: unknown;
  try {
    data = extname(where).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new ConfigError(
      `${where}: not valid ${extname(where).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const result = SourcesFile.safeParse(data);
  if (!result.success)
    throw new ConfigError(new ValidationError('sources file', result.error, where).message);
  return result.data.sources;
}

/** The configured sources: SOURCES_FILE when set, else the built-in defaults. */
export async function loadSources(config: Pick<Config, 'sourcesFile'>): Promise<SourceConfig[]> {
  if (!config.sourcesFile) return SourcesFile.parse({ sources: DEFAULT_SOURCES }).sources;
  let text: string;
  try {
    text = await readFile(config.sourcesFile, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      `SOURCES_FILE=${config.sourcesFile}: cannot read it (${(cause as Error).message})`,
      { cause },
    );
  }
  return parseSources(text, config.sourcesFile);
}

/** The source called `name`, or a ConfigError listing the known ones. */
export function sourceNamed(sources: readonly SourceConfig[], name: string): SourceConfig {
  const s = sources.find((x) => x.name === name);
  if (!s)
    throw new ConfigError(
      `no source named "${name}"; configured: ${sources.map((x) => x.name).join(', ') || '(none)'}`,
    );
  return s;
}

/**
 * Whether the source called `name` may reach private addresses, from the configured sources
 * (re-read at most every `maxAgeMs`, so an edited sources file takes effect without a restart).
 * An unknown name may not.
 */
export function privateAccessOf(
  config: Pick<Config, 'sourcesFile'>,
  maxAgeMs = 30_000,
): (name: string) => Promise<boolean> {
  let cached: { at: number; sources: Promise<SourceConfig[]> } | null = null;
  return async (name) => {
    if (!cached || Date.now() - cached.at > maxAgeMs) {
      const sources = loadSources(config);
      cached = { at: Date.now(), sources };
      sources.catch(() => {
        cached = null;
      });
    }
    return (await cached.sources).some((s) => s.name === name && s.allowPrivate);
  };
}
