// How the browser tests serve the app: the webServer of playwright.config.ts, and the second
// instance that two-instances.spec.ts starts beside it on the same database, run the same command
// with the same settings, as two servers of one city do.

/** The port of the first instance (the webServer); the second listens on the next one. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The first instance. Auth.js builds its URLs with localhost (not 127.0.0.1): browse the same host. */
export const E2E_BASE_URL = process.env.E2E_BASE_URL ?? `http://localhost:${E2E_PORT}`;

/** `npm start`: the built app, with its background worker beside it (scripts/serve.mjs). */
export const SERVE_SCRIPT = "scripts/serve.mjs";

/** The settings an instance is started with (merged over the test runner's own environment). */
export function appServerEnv(): Record<string, string> {
  return {
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef",
    // The keys the e2e database was sealed with (scripts/test.mjs makes them per run).
    PII_KEYS: process.env.PII_KEYS ?? "",
    PII_ACTIVE_KEY: process.env.PII_ACTIVE_KEY ?? "",
    PII_INDEX_KEY: process.env.PII_INDEX_KEY ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  };
}
