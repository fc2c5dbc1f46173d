// Types for postgres.mjs (plain JavaScript so it runs before anything is compiled).
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export function findTestServer(opts?: { log?: (line: string) => void }): Promise<{
  adminUrl: string;
  stop: () => Promise<void>;
  source: "env" | "local" | "embedded";
}>;
export function withDatabase(url: string, dbName: string): string;
export function databaseExists(adminUrl: string, name: string): Promise<boolean>;
export function createDatabase(adminUrl: string, name: string, opts?: { template?: string }): Promise<void>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
