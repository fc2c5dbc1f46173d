// Prints the SQL that turns one schema.prisma into another, using Prisma 6.19's Wasm schema
// engine (installed as the `prisma-diff` alias): Prisma 7's native engine cannot be downloaded
// here. Used by `npm run db:migration:new` and by the drift test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const prisma6 = path.join(root, "node_modules/prisma-diff/build/index.js");

/** Prisma 6 insists on a datasource url; Prisma 7 rejects one. Add a dummy for the diff. */
function withDummyUrl(schema: string): string {
  if (schema.trim() === "") return "";
  return schema.replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_m, body: string) => `datasource db {${body}  url = "postgresql://unused@localhost/unused"\n}`,
  );
}

export function diffSchemas(fromSchema: string, toSchema: string, databaseUrl: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "schema-diff-"));
  try {
    const from = path.join(dir, "from.prisma");
    const to = path.join(dir, "to.prisma");
    writeFileSync(from, withDummyUrl(fromSchema));
    writeFileSync(to, withDummyUrl(toSchema));
    const config = path.join(dir, "prisma.config.mjs");
    writeFileSync(
      config,
      `import { defineConfig } from ${JSON.stringify(path.join(root, "node_modules/prisma-diff/config.js"))};
import { PrismaPg } from ${JSON.stringify(path.join(root, "node_modules/@prisma/adapter-pg/dist/index.mjs"))};
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(to)},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(databaseUrl)}, idleTimeoutMillis: 100 }),
});
`,
    );
    const fromArgs = fromSchema.trim() === "" ? ["--from-empty"] : ["--from-schema-datamodel", from];
    return execFileSync(
      process.execPath,
      [prisma6, "migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script", "--config", config],
      {
        cwd: dir,
        encoding: "utf8",
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readSchema(): string {
  return readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
}
