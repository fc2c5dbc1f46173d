// `npm run db:seed` / `npx tsx prisma/seed/index.ts [--alerts N | --scale K] [--money-factor F] [--if-empty]`
// Seeds DATABASE_URL with the demo city 江州市 (see docs/demo-accounts.md).
//   --alerts N   number of alerts (default 20,000; 1,000,000 works, in batches)
//   --scale K    K times the default city's alerts (--scale 50 → 1,000,000)
//   --money-factor F  F times the level-1 transfers per case, and so the bank requests (default 1:
//                about 3 % of the alerts become cases with ≈ 7 requests each; 1M alerts → ≈ 200k requests)
//   --if-empty   do nothing when a CITY org unit already exists (for start-up scripts)
//   --second-city  also seed the small second city 临川市 (test databases: cross-city checks)
import "dotenv/config";
import pg from "pg";
import { DEFAULT_ALERTS } from "./constants";
import { AlreadySeededError, existingCity, instructionRows, seedDemoCity, seedSecondCity, type SeedSummary } from "./seed-demo-city";

function usage(message: string): never {
  console.error(`${message}\nusage: tsx prisma/seed/index.ts [--alerts N | --scale K] [--money-factor F] [--if-empty] [--second-city]`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { alerts: number; moneyFactor: number; ifEmpty: boolean; secondCity: boolean } {
  let alerts = DEFAULT_ALERTS;
  let moneyFactor = 1;
  let ifEmpty = false;
  let secondCity = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--if-empty") ifEmpty = true;
    else if (arg === "--second-city") secondCity = true;
    else if (arg === "--alerts" || arg.startsWith("--alerts=")) {
      const value = arg.includes("=") ? arg.slice("--alerts=".length) : argv[++i];
      const n = Number(value?.replace(/[_,]/g, ""));
      if (!Number.isInteger(n) || n < 0) usage(`--alerts needs a non-negative integer, got ${value ?? "nothing"}`);
      alerts = n;
    } else if (arg === "--scale" || arg.startsWith("--scale=")) {
      const value = arg.includes("=") ? arg.slice("--scale=".length) : argv[++i];
      const k = Number(value);
      if (!Number.isFinite(k) || k <= 0) usage(`--scale needs a positive number, got ${value ?? "nothing"}`);
      alerts = Math.round(DEFAULT_ALERTS * k);
    } else if (arg === "--money-factor" || arg.startsWith("--money-factor=")) {
      const value = arg.includes("=") ? arg.slice("--money-factor=".length) : argv[++i];
      const f = Number(value);
      if (!Number.isFinite(f) || f <= 0 || f > 100) usage(`--money-factor needs a number in (0, 100], got ${value ?? "nothing"}`);
      moneyFactor = f;
    } else if (arg === "--help" || arg === "-h") usage("Seeds the demo city 江州市.");
    else usage(`unknown argument ${arg}`);
  }
  return { alerts, moneyFactor, ifEmpty, secondCity };
}

/** "awaiting approval 12, sent 30, …": the requests by status. */
function moneyByStatus(c: SeedSummary["counts"]): string {
  return Object.entries(c.bankRequestsByStatus).map(([status, n]) => `${status.toLowerCase().replace("_", " ")} ${n}`).join(", ");
}

const { alerts, moneyFactor, ifEmpty, secondCity } = parseArgs(process.argv.slice(2));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}

if (ifEmpty) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const code = await existingCity(client).finally(() => client.end());
  if (code) {
    console.log(`seed: a city (${code}) already exists; nothing to do (--if-empty)`);
    process.exit(0);
  }
}

try {
  const started = performance.now();
  const summary = await seedDemoCity(url, { alerts, moneyFactor, log: (line) => console.log(`seed: ${line}`) });
  const c = summary.counts;
  console.log(
    `seed: done in ${((performance.now() - started) / 1000).toFixed(2)} s — city ${summary.cityCode}, ` +
      `${c.orgUnits} org units, ${c.communities} communities, ${c.users} users, ${c.persons} persons, ` +
      `${c.alerts} alerts (${summary.alertsPerSecond.toLocaleString("en-US")} alerts/s), ` +
      `${c.contactAttempts} contact attempts, ${c.instructions} instructions (${c.openInstructions} open; ` +
      `${instructionRows(c)} instruction rows with their events, overdue marks, notices and notifications), ` +
      `${c.cases} cases, ${c.transfers} transfers, ${c.bankRequests} bank requests (${moneyByStatus(c)}), ${c.bankReturns} return entries`,
  );
  if (secondCity) {
    const second = await seedSecondCity(url, { log: (line) => console.log(`seed (second city): ${line}`) });
    console.log(
      `seed: second city ${second.cityCode}, ${second.counts.users} users, ${second.counts.alerts} alerts, ` +
        `${second.counts.instructions} instructions (${second.counts.openInstructions} open), ${second.counts.cases} cases, ` +
        `${second.counts.bankRequests} bank requests (${moneyByStatus(second.counts)})`,
    );
  }
} catch (error) {
  if (error instanceof AlreadySeededError) {
    console.error(`seed: ${error.message} (use --if-empty to skip quietly)`);
    process.exit(1);
  }
  throw error;
}
