import "server-only";
import { DEFAULT_FIRST_CONTACT_MINUTES } from "@/lib/alerts/sla";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getRequestContext } from "@/lib/request-context";
import { pgErrorCode } from "@/lib/server/db-errors";
import { parseIngestAlert, type IngestResponse } from "@/lib/schemas/ingest";
import type { IngestSource } from "./authenticate-source";
import { loadBatchContext, type BatchContext } from "./load-batch-context";
import { payloadHash } from "./payload-hash";
import type { Candidate, Final, Item } from "./ingest-types";
import { replayOutcome, summarize, toResult } from "./ingest-results";
import { writeCandidates, type AuditDetails } from "./write-alerts";

/** Deadlocks, serialization failures and lost insert races: the whole batch is simply run again. */
const RETRYABLE_PG_CODES = new Set(["40P01", "40001", "23505", "23503"]);
const MAX_ATTEMPTS = 3;

/**
 * Ingests one request's alerts for an authenticated source and returns one result per item, in
 * order. Invalid items never reach the database. All writes of the request — persons and their
 * phones, alerts, their CREATED / REPEAT_JOINED events, raised risks and the one `alert.ingest`
 * audit row — are one transaction, built from set-based statements (a handful per request,
 * whatever the batch size). Personal data is sealed before it leaves this process.
 *
 * Idempotency is per source + externalId: the same payload again is a duplicate, a different
 * payload a conflict, and neither changes anything. Two requests racing with the same externalId
 * end with one row (INSERT … ON CONFLICT DO NOTHING, then the winner is read and compared).
 */
export async function ingestAlerts(source: IngestSource, rawItems: readonly unknown[]): Promise<IngestResponse> {
  const started = performance.now();
  const finals: (Final | undefined)[] = new Array(rawItems.length);
  const items: Item[] = [];
  rawItems.forEach((raw, index) => {
    const parsed = parseIngestAlert(raw);
    if (parsed.ok) items.push({ index, alert: parsed.alert, hash: payloadHash(parsed.alert) });
    else finals[index] = { outcome: "invalid", errors: parsed.errors };
  });

  let joined = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      joined = await ingestValidItems(source, items, finals);
      break;
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_PG_CODES.has(code)) throw error;
      log.warn({ sourceId: source.id, attempt, pgCode: code }, "alert ingestion: retrying the batch");
      for (const item of items) finals[item.index] = undefined;
    }
  }

  const results = rawItems.map((raw, index) => toResult(index, finals[index]!, raw));
  const summary = summarize(results, joined);
  const { requestId } = await getRequestContext();
  log.info(
    { requestId, sourceId: source.id, sourceCode: source.code, items: rawItems.length, ...summary, ms: Math.round(performance.now() - started) },
    "alerts ingested",
  );
  return { results, summary };
}

const EMPTY_CONTEXT: BatchContext = {
  cities: new Map(),
  routes: new Map(),
  firstContactMinutes: () => DEFAULT_FIRST_CONTACT_MINUTES,
  singleCityId: null,
  existing: new Map(),
};

/** Routing decides the city, which a person and an alert cannot do without; items it cannot place are invalid. */
function route(items: readonly Item[], ctx: BatchContext, finals: (Final | undefined)[]): Candidate[] {
  const routable: Candidate[] = [];
  for (const item of items) {
    const route = ctx.routes.get(item.index) ?? null;
    const namedCity = ctx.cities.get(item.index) ?? null;
    if (item.alert.cityCode !== undefined && !namedCity) {
      finals[item.index] = { outcome: "invalid", errors: [{ path: "cityCode", message: "no city has this code" }] };
      continue;
    }
    if (item.alert.stationCode !== undefined && !route) {
      const message = item.alert.cityCode !== undefined ? "no police station of this city has this code" : "no police station has this code";
      finals[item.index] = { outcome: "invalid", errors: [{ path: "stationCode", message }] };
      continue;
    }
    const cityId = route?.cityId ?? namedCity ?? ctx.singleCityId;
    if (!cityId) {
      finals[item.index] = {
        outcome: "invalid",
        errors: [{ path: "cityCode", message: "required: the station cannot be found from the address, and this installation serves several cities" }],
      };
      continue;
    }
    routable.push({ ...item, cityId, route });
  }
  return routable;
}

/** Routes, deduplicates and writes the valid items; fills `finals` for each; returns the joined count. */
async function ingestValidItems(source: IngestSource, items: readonly Item[], finals: (Final | undefined)[]): Promise<number> {
  const ctx = items.length === 0 ? EMPTY_CONTEXT : await loadBatchContext(
    source.id,
    items.map((it) => ({ key: it.index, stationCode: it.alert.stationCode, cityCode: it.alert.cityCode, address: it.alert.person.address })),
    [...new Set(items.map((it) => it.alert.externalId))],
  );

  // The first routable occurrence of an externalId is the one that counts; a repeat inside the
  // request is answered like a replay of it (duplicate or conflict). Known ones never get written.
  const firstByExternalId = new Map<string, Candidate>();
  const repeats: Candidate[] = [];
  const candidates: Candidate[] = [];
  for (const c of route(items, ctx, finals)) {
    if (firstByExternalId.has(c.alert.externalId)) {
      repeats.push(c);
      continue;
    }
    firstByExternalId.set(c.alert.externalId, c);
    const known = ctx.existing.get(c.alert.externalId);
    if (known) finals[c.index] = replayOutcome(c.hash, known);
    else candidates.push(c);
  }

  // The audit row's counts if every candidate is inserted (the usual case): it can then be
  // written by the same statement as the alerts.
  const repeatAt = new Map(repeats.map((r) => [r.index, r]));
  const predictAudit = (joined: number): AuditDetails => {
    const outcomes = Array.from(finals, (f, index) => {
      if (f) return f.outcome;
      const repeat = repeatAt.get(index);
      if (!repeat) return "created" as const;
      const first = firstByExternalId.get(repeat.alert.externalId)!;
      const firstFinal = finals[first.index];
      const firstHash = firstFinal && firstFinal.outcome !== "created" && firstFinal.outcome !== "invalid" ? firstFinal.recordHash : first.hash;
      return repeat.hash === firstHash ? ("duplicate" as const) : ("conflict" as const);
    });
    return { sourceCode: source.code, ...summarize(outcomes.map((outcome) => ({ outcome })), joined) };
  };

  return db.$transaction(
    async (tx) => {
      const written = candidates.length > 0 ? await writeCandidates(tx, source, candidates, ctx, finals, predictAudit) : { audited: false, joined: 0 };
      for (const r of repeats) {
        const first = firstByExternalId.get(r.alert.externalId)!;
        finals[r.index] = replayOutcome(r.hash, recordOf(first, finals[first.index]!));
      }
      if (!written.audited) {
        if (candidates.length > 0) log.debug({ sourceId: source.id }, "alert ingestion: lost an insert race; audit row written on its own");
        await recordAudit(tx, null, {
          action: "alert.ingest",
          outcome: "SUCCESS",
          entityType: "alert_source",
          entityId: source.id,
          details: { sourceCode: source.code, ...summarize(finals.map((f) => ({ outcome: f!.outcome })), written.joined) },
        });
      }
      return written.joined;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** What a repeat of `first` inside the same request is compared with. */
function recordOf(first: Candidate, final: Final): { id: string; payloadHash: string } {
  if (final.outcome === "created") return { id: final.alertId, payloadHash: first.hash };
  if (final.outcome === "duplicate" || final.outcome === "conflict") return { id: final.alertId, payloadHash: final.recordHash };
  throw new Error("unreachable: a routable first occurrence is never invalid");
}
