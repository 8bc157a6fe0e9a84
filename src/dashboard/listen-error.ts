import { ConfigError } from '../errors.js';

/**
 * A dashboard that cannot listen, in one line that names the port and the setting to change:
 * a port in use (EADDRINUSE) or one this user may not bind (EACCES). Other errors pass as they are.
 */
export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE')
    return new ConfigError(
      `Port ${port} on ${host} is in use: another program (perhaps another pressline) listens there. Stop it, or set DASHBOARD_PORT (or --port) to a free port.`,
      { cause: err },
    );
  if (code === 'EACCES')
    return new ConfigError(
      `Port ${port} on ${host} may not be bound by this user. Set DASHBOARD_PORT (or --port) to a port above 1023.`,
      { cause: err },
    );
  return err;
}
