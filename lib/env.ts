import "server-only";
import { z } from "zod";

// The one reader of process.env. Parsed on first use (not at import) so `next build` can
// compile pages without a database.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Personal data at rest (lib/pii/sealing.ts): the sealing keys ("id:base64,…", 32 bytes each),
  // the one that seals new values (default: the last listed), and the blind-index key.
  PII_KEYS: z.string().min(1, "PII_KEYS must list the sealing keys (id:base64 of 32 bytes, comma-separated)"),
  PII_ACTIVE_KEY: z.string().optional(),
  PII_INDEX_KEY: z.string().min(40, "PII_INDEX_KEY must be 32 bytes in base64"),
  // TRUSTED_PROXIES (comma-separated addresses and CIDR ranges of reverse proxies whose
  // X-Forwarded-For is believed; default none) is read by scripts/serve.mjs, not here: the
  // server works out the client's address before the app sees the request. WORKER=off (read by
  // scripts/serve.mjs too) serves the app without the background worker beside it.
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * True in a process started by scripts/serve.mjs, which writes the client's address into
 * CLIENT_ADDRESS_HEADER and deletes any copy a client sent. Under `next dev` or a bare
 * `next start` nobody vouches for that header, so the app records no address rather than a
 * forged one. Read on every call (not cached with the rest) so tests can act as that server.
 */
export function clientAddressHeaderIsTrusted(): boolean {
  return process.env.AFC_SERVED_BY === "serve.mjs";
}
