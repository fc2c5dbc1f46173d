// Fills an empty, migrated database with the demo city 江州市: org tree, communities, banks,
// demo users, alert sources (+ the demo ingestion key), and a year of persons, alerts, contact
// attempts and instructions down the chain (with their timelines, overdue marks, supervision
// notices and the notifications still unread; instructions.ts, instruction-scenarios.ts), and the
// money work of the cases (transfers, bank requests, returns; money.ts, money-stories.ts).
// Deterministic apart from primary keys, sealed values' nonces and `now`. `seedSecondCity` adds the
// small second city 临川市 beside it (test databases), sharing the installation's banks and
// sources.
//
// Reference data goes in one transaction; alerts go in batches of BATCH_SIZE on a few parallel
// connections (one statement per batch), so that a million alerts neither build one giant
// transaction nor take long. Refuses to run when a CITY unit already exists.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { prepareBatch } from "./alert-batches";
import { AlertGenerator } from "./alerts";
import { buildBanks, insertBanks, loadBanks, type BankRow } from "./banks";
import { BATCH_SIZE, DEFAULT_ALERTS, DEMO_PASSWORD } from "./constants";
import { INSTALLATION_NAME, JIANGZHOU, LINCHUAN, type CityPlan } from "./city-layout";
import { inTransaction } from "./db";
import { SCENARIOS } from "./instruction-scenarios";
import { InstructionPlanner } from "./instructions";
import { seedMoney, type MoneyCounts } from "./money";
import { MONEY_STORIES } from "./money-stories";
import { createVault, parsePiiKeys } from "../../lib/pii/sealing";
import { buildOrgLayout, insertOrgLayout } from "./org-units";
import { Rng, SEEDS } from "./random";
import { buildSources, insertSources, loadSources, type SourceRow } from "./sources";
import { buildUsers, insertUsers } from "./users";

export interface SeedOptions {
  /** Number of alerts to create (default 20,000). */
  alerts?: number;
  /** The moment of seeding: history covers the 12 months before it. Default: new Date(). */
  now?: Date;
  log?: (line: string) => void;
  /** Parallel connections used for the alert batches (default 2). */
  connections?: number;
  /** Multiplies the level-1 transfers per case, and so the bank requests (default 1; money.ts). */
  moneyFactor?: number;
}

export interface SeedSummary {
  cityId: string;
  cityCode: string;
  now: string;
  counts: {
    orgUnits: number;
    districts: number;
    stations: number;
    communities: number;
    banks: number;
    users: number;
    alertSources: number;
    apiKeys: number;
    persons: number;
    alerts: number;
    openAlerts: number;
    newAlerts: number;
    claimedAlerts: number;
    closedAlerts: number;
    joinedAlerts: number;
    contactAttempts: number;
    instructions: number;
    openInstructions: number;
    instructionEvents: number;
    overdueMarks: number;
    supervisionNotices: number;
    notifications: number;
    cases: number;
    transfers: number;
    bankRequests: number;
    bankRequestsByStatus: MoneyCounts["bankRequestsByStatus"];
    bankReturns: number;
    auditEvents: number;
  };
  timings: {
    passwordHashMs: number;
    referenceMs: number;
    alertsMs: number;
    moneyMs: number;
    analyzeMs: number;
    totalMs: number;
  };
  alertsPerSecond: number;
}

/** Rows written for the instructions: instructions, their events, overdue marks, notices, notifications, and one alert event each. */
export function instructionRows(c: SeedSummary["counts"]): number {
  return c.instructions * 2 + c.instructionEvents + c.overdueMarks + c.supervisionNotices + c.notifications;
}

export class AlreadySeededError extends Error {
  constructor(code: string) {
    super(`a CITY org unit already exists (${code}); the seed of a city only runs on a database without it`);
    this.name = "AlreadySeededError";
  }
}

// The demo password is hashed once per process and the same hash is stored for every demo
// user. Sharing one argon2 hash (one salt) is acceptable ONLY for throw-away demo accounts.
let demoHash: Promise<string> | undefined;
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD).catch((error: unknown) => {
    demoHash = undefined;
    throw error;
  });
  return demoHash;
}

/** The code of an existing CITY unit, or null. */
export async function existingCity(client: pg.Client | pg.PoolClient): Promise<string | null> {
  const { rows } = await client.query<{ code: string }>(`SELECT "code" FROM "org_unit" WHERE "kind" = 'CITY' LIMIT 1`);
  return rows[0]?.code ?? null;
}

/** The demo city 江州市 and the installation's reference data, on an empty migrated database. */
export function seedDemoCity(databaseUrl: string, opts: SeedOptions = {}): Promise<SeedSummary> {
  return seedCity(databaseUrl, JIANGZHOU, "installation", opts);
}

/** The second city 临川市 beside an existing demo city (test databases): its own units, users and alerts. */
export function seedSecondCity(databaseUrl: string, opts: SeedOptions = {}): Promise<SeedSummary> {
  return seedCity(databaseUrl, LINCHUAN, "city", { alerts: 200, ...opts });
}

/** The code of `code`'s CITY unit if it exists (or, without a code, of any city), or null. */
async function cityExists(client: pg.Client | pg.PoolClient, code: string | null): Promise<string | null> {
  if (!code) return existingCity(client);
  const { rows } = await client.query<{ code: string }>(`SELECT "code" FROM "org_unit" WHERE "kind" = 'CITY' AND "code" = $1`, [code]);
  return rows[0]?.code ?? null;
}

/**
 * Seeds one city. `scope` "installation": the database must hold no city yet, and the
 * installation's banks, sources and administrators are created too; "city": they are read from
 * the database, and only this city must be new.
 */
async function seedCity(databaseUrl: string, plan: CityPlan, scope: "installation" | "city", opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const total = opts.alerts ?? DEFAULT_ALERTS;
  if (!Number.isInteger(total) || total < 0) throw new Error(`alerts must be a non-negative integer, got ${total}`);
  const now = (opts.now ?? new Date()).getTime();
  const log = opts.log ?? (() => {});
  const connections = Math.max(1, opts.connections ?? 2);

  // People's personal data is sealed with the installation's keys (PII_KEYS, PII_INDEX_KEY).
  const vault = createVault(parsePiiKeys(process.env));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await cityExists(client, scope === "installation" ? null : plan.code);
    if (existing) throw new AlreadySeededError(existing);

    // ── Reference data: one transaction ──
    let t = performance.now();
    const passwordHash = await demoPasswordHash();
    const passwordHashMs = performance.now() - t;

    t = performance.now();
    const rng = new Rng(SEEDS.reference + (scope === "installation" ? 0 : 1));
    const layout = buildOrgLayout(rng, plan);
    const installationId = (await client.query<{ id: string }>(`SELECT "id" FROM "org_unit" WHERE "kind" = 'INSTALLATION'`)).rows[0]!.id;
    let banks: BankRow[];
    let sources: SourceRow[];
    if (scope === "installation") {
      banks = buildBanks();
      sources = buildSources();
    } else {
      banks = await loadBanks(client);
      sources = await loadSources(client);
    }
    const users = buildUsers(rng, layout, banks, plan.usernamePrefix, scope === "installation" ? installationId : null);
    let apiKeys = 0;
    await inTransaction(client, async () => {
      // Serialises concurrent seeds of one database; the loser then finds the city.
      await client.query("SELECT pg_advisory_xact_lock(7446201)");
      const raced = await cityExists(client, scope === "installation" ? null : plan.code);
      if (raced) throw new AlreadySeededError(raced);
      await insertOrgLayout(client, layout);
      if (scope === "installation") {
        await client.query(`UPDATE "org_unit" SET "name" = $1 WHERE "id" = $2`, [INSTALLATION_NAME, installationId]);
        await insertBanks(client, banks);
      }
      await insertUsers(client, users.all, passwordHash);
      if (scope === "installation") {
        const keyIssuer = users.all.find((u) => u.username === "prov.secadmin")!;
        apiKeys = await insertSources(client, sources, keyIssuer.id);
      }
    });
    const referenceMs = performance.now() - t;
    log(`org units: 1 city (${plan.code}), ${layout.districts.length} districts, ${layout.stations.length} stations; ` +
      `${layout.communities.length} communities; ${banks.length} banks; ${users.all.length} users; ` +
      `${sources.length} alert sources, ${apiKeys} API key (${Math.round(referenceMs)} ms, password hash ${Math.round(passwordHashMs)} ms)`);

    // ── Persons, alerts, contact attempts: batches on parallel connections ──
    t = performance.now();
    const instructions = new InstructionPlanner({
      seed: SEEDS.instructions + (scope === "installation" ? 0 : 1),
      now,
      cityId: layout.city.id,
      layout,
      users,
    });
    const generator = new AlertGenerator({
      seed: SEEDS.alerts + (scope === "installation" ? 0 : 1),
      externalIdPrefix: scope === "installation" ? "" : `${plan.code}-`,
      vault,
      now,
      total,
      layout,
      users,
      banks,
      sourceIds: new Map(sources.map((s) => [s.code, s.id])),
      instructions,
      scenarios: SCENARIOS,
      moneyStories: MONEY_STORIES.map((s) => s.alert),
    });
    const tally = { persons: 0, alerts: 0, attempts: 0, NEW: 0, CLAIMED: 0, CLOSED: 0, JOINED: 0 };
    const itally = { instructions: 0, open: 0, events: 0, overdues: 0, notices: 0, notifications: 0 };
    const progressEvery = total >= 100_000 ? Math.ceil(total / 10 / BATCH_SIZE) * BATCH_SIZE : Infinity;
    let nextProgress = progressEvery;
    let failed: unknown = null;
    const worker = async (): Promise<void> => {
      const conn = new pg.Client({ connectionString: databaseUrl });
      conn.on("error", (error) => void (failed ??= error)); // a dropped connection must not crash the process
      await conn.connect();
      try {
        // A seed can simply be re-run on a fresh database: no need to wait for WAL flushes.
        await conn.query("SET synchronous_commit TO OFF");
        while (failed === null) {
          const batch = generator.nextBatch(BATCH_SIZE);
          if (!batch) return;
          tally.persons += batch.persons;
          tally.alerts += batch.alerts;
          tally.attempts += batch.attempts;
          for (const status of ["NEW", "CLAIMED", "CLOSED", "JOINED"] as const) tally[status] += batch.statusCounts[status];
          for (const key of Object.keys(itally) as (keyof typeof itally)[]) itally[key] += batch.instructionCounts[key];
          const run = prepareBatch(batch, layout.city.id);
          await run(conn);
          if (tally.alerts >= nextProgress) {
            const s = (performance.now() - t) / 1000;
            log(`  alerts: ${tally.alerts.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} ` +
              `(${Math.round(tally.alerts / s).toLocaleString("en-US")}/s)`);
            nextProgress += progressEvery;
          }
        }
      } catch (error) {
        failed ??= error;
      } finally {
        await conn.end().catch(() => {});
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    if (failed !== null) throw failed;
    const alertsMs = performance.now() - t;
    const alertsPerSecond = alertsMs > 0 ? Math.round(tally.alerts / (alertsMs / 1000)) : 0;
    log(`persons: ${tally.persons}; alerts: ${tally.alerts} (open ${tally.NEW + tally.CLAIMED}: NEW ${tally.NEW}, ` +
      `CLAIMED ${tally.CLAIMED}; CLOSED ${tally.CLOSED}; JOINED ${tally.JOINED}); contact attempts: ${tally.attempts} ` +
      `(${(alertsMs / 1000).toFixed(2)} s, ${alertsPerSecond.toLocaleString("en-US")} alerts/s)`);
    log(`instructions: ${itally.instructions} (open ${itally.open}); instruction events: ${itally.events}; overdue marks: ${itally.overdues}; ` +
      `supervision notices: ${itally.notices}; unread notifications: ${itally.notifications}`);

    // Every alert closed as 已被骗 opened a case with its loss, as closing one does in the app;
    // the money work follows (money.ts).
    t = performance.now();
    const money = await seedMoney(client, {
      cityId: layout.city.id,
      now,
      seed: SEEDS.money + (scope === "installation" ? 0 : 1),
      layout,
      users,
      banks,
      vault,
      noticeAgency: plan.noticeAgency,
      storyAlerts: generator.storyAlerts,
      moneyFactor: opts.moneyFactor ?? 1,
    });
    const moneyMs = performance.now() - t;
    log(`money: ${money.cases} cases, ${money.transfers} transfers, ${money.bankRequests} bank requests, ${money.bankReturns} return entries ` +
      `(${(moneyMs / 1000).toFixed(2)} s)`);

    // Fresh statistics so the first queries get sensible plans.
    t = performance.now();
    await client.query(
      `ANALYZE "org_unit", "community", "app_user", "person", "person_phone", "alert", "contact_attempt", "fraud_case", "alert_event", ` +
        `"instruction", "instruction_event", "instruction_overdue", "supervision_notice", "notification", ` +
        `"case_transfer", "bank_request", "bank_return", "account_stop"`,
    );
    const analyzeMs = performance.now() - t;

    const counts: SeedSummary["counts"] = {
      orgUnits: 1 + layout.districts.length + layout.stations.length,
      districts: layout.districts.length,
      stations: layout.stations.length,
      communities: layout.communities.length,
      banks: banks.length,
      users: users.all.length,
      alertSources: sources.length,
      apiKeys,
      persons: tally.persons,
      alerts: tally.alerts,
      openAlerts: tally.NEW + tally.CLAIMED,
      newAlerts: tally.NEW,
      claimedAlerts: tally.CLAIMED,
      closedAlerts: tally.CLOSED,
      joinedAlerts: tally.JOINED,
      contactAttempts: tally.attempts,
      instructions: itally.instructions,
      openInstructions: itally.open,
      instructionEvents: itally.events,
      overdueMarks: itally.overdues,
      supervisionNotices: itally.notices,
      notifications: itally.notifications,
      ...money,
      auditEvents: 1,
    };
    // The audit trail is append-only: INSERT is the only statement it accepts.
    await client.query(
      `INSERT INTO "audit_event" ("city_id", "actor_name", "unit_id", "action", "entity_type", "entity_id", "outcome", "details")
       VALUES ($1::uuid, 'seed', $1::uuid, 'seed.demo_city', 'org_unit', $2::text, 'SUCCESS', $3::jsonb)`,
      [layout.city.id, layout.city.id, JSON.stringify({ cityCode: plan.code, now: new Date(now).toISOString(), ...counts, auditEvents: undefined })],
    );
    const totalMs = performance.now() - started;
    return {
      cityId: layout.city.id,
      cityCode: plan.code,
      now: new Date(now).toISOString(),
      counts,
      timings: {
        passwordHashMs: Math.round(passwordHashMs),
        referenceMs: Math.round(referenceMs),
        alertsMs: Math.round(alertsMs),
        moneyMs: Math.round(moneyMs),
        analyzeMs: Math.round(analyzeMs),
        totalMs: Math.round(totalMs),
      },
      alertsPerSecond,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
