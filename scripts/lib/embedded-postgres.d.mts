// Types for embedded-postgres.mjs (plain JavaScript so it runs before anything is compiled).
export function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  logFile?: string;
  durable?: boolean;
}): Promise<{ url: string; stop: () => Promise<void>; pid: number }>;
export function startTemporaryEmbeddedPostgres(opts?: { log?: (line: string) => void }): Promise<{
  url: string;
  stop: () => Promise<void>;
}>;
