import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';

/** What every command starts from: the parsed configuration and the root logger. */
export interface Runtime {
  config: Config;
  log: Logger;
}

export function loadRuntime(options: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = loadConfig(options, env);
  return { config, log: createLogger(config.logLevel) };
}
