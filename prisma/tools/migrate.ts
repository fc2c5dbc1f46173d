// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import "dotenv/config";
import { applyMigrations } from "./apply-migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const { applied, alreadyApplied } = await applyMigrations(url, (line) => console.log(line));
console.log(`migrations: ${applied.length} applied, ${alreadyApplied.length} already applied`);
