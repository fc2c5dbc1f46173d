import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client/client";
import { env } from "@/lib/env";

export type Db = InstanceType<typeof PrismaClient>;
/** The client handed to a `$transaction` callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createClient(): Db {
  const { DATABASE_URL, DB_POOL_SIZE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DB_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// One client per process; in development Next re-evaluates modules on every change, so keep it
// on globalThis to avoid a new pool per reload.
const globalForDb = globalThis as unknown as { afcDb?: Db };

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    globalForDb.afcDb ??= createClient();
    const value = Reflect.get(globalForDb.afcDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.afcDb) : value;
  },
});
