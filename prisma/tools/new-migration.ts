// `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that turns the last committed schema.prisma (git HEAD) into the current one.
// Pass `--from <file>` to diff from another schema. Hand-written SQL (CHECKs, triggers) is added
// to the file by hand afterwards and listed in prisma/hand-written-sql.md.
import "dotenv/config";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas, readSchema } from "./diff-schemas";
import { MIGRATIONS_DIR } from "./apply-migrations";

const args = process.argv.slice(2);
const fromIdx = args.indexOf("--from");
const fromFile = fromIdx >= 0 ? args.splice(fromIdx, 2)[1] : undefined;
const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name> [--from old.prisma]");
  process.exit(1);
}
let from = "";
if (fromFile) from = readFileSync(fromFile, "utf8");
else {
  try {
    from = execFileSync("git", ["show", `${process.env.MIGRATION_BASE ?? "HEAD"}:prisma/schema.prisma`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    from = "";
  }
}
const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const sql = diffSchemas(from, readSchema(), url);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("schema.prisma has no changes since the last commit");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
