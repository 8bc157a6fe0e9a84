export interface Endpoint {
  host: string;
  port: number;
}
export function until(what: string, check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
export function startRedis(): Promise<{ port: number; stop(): Promise<void> }>;
export function startCluster(): Promise<{ nodes: Endpoint[]; stop(): Promise<void> }>;
export function startSentinel(
  name?: string,
): Promise<{ sentinels: string[]; name: string; stop(): Promise<void> }>;
