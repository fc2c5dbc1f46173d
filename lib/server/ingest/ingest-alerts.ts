import "server-only";
import { randomUUID } from "node:crypto";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { DEFAULT_FIRST_CONTACT_MINUTES, firstContactDeadline, RISK_RANK } from "@/lib/alerts/sla";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { getRequestContext } from "@/lib/request-context";
import {
  parseIngestAlert,
  rawExternalId,
  type FieldError,
  type IngestAlert,
  type IngestItemResult,
  type IngestResponse,
  type IngestSummary,
} from "@/lib/schemas/ingest";
import type { IngestSource } from "./authenticate-source";
import { loadBatchContext, type BatchContext, type Route } from "./load-batch-context";
import { payloadHash } from "./payload-hash";

/** A repeat within this window of an open alert joins it instead of becoming a second queue item. */
export const REPEAT_WINDOW_MS = 72 * 3600_000;

/** Deadlocks, serialization failures and lost insert races: the whole batch is simply run again. */
const RETRYABLE_PG_CODES = new Set(["40P01", "40001", "23505", "23503"]);
const MAX_ATTEMPTS = 3;

/** A schema-valid item on its way to the database. */
interface Item {
  index: number;
  alert: IngestAlert;
  hash: string;
}

/** An item that passed validation and routing and is new to this source: it will be written. */
interface Candidate extends Item {
  cityId: string;
  route: Route | null;
}

type Final =
  | { outcome: "created"; alertId: string; joinedAlertId?: string }
  /** `recordHash`: the payload hash of the record it was compared with. */
  | { outcome: "duplicate" | "conflict"; alertId: string; recordHash: string }
  | { outcome: "invalid"; errors: FieldError[] };

/**
 * Ingests one request's alerts for an authenticated source and returns one result per item, in
 * order. Invalid items never reach the database. All writes of the request — persons, alerts,
 * their CREATED / REPEAT_JOINED events, raised risks and the one `alert.ingest` audit row — are one
 * transaction, built from set-based statements (a handful per request, whatever the batch size).
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

/** Routes, deduplicates and writes the valid items; fills `finals` for each; returns the joined count. */
async function ingestValidItems(source: IngestSource, items: readonly Item[], finals: (Final | undefined)[]): Promise<number> {
  const ctx = items.length === 0 ? EMPTY_CONTEXT : await loadBatchContext(
    source.id,
    items.map((it) => ({ key: it.index, stationCode: it.alert.stationCode, cityCode: it.alert.cityCode, address: it.alert.person.address })),
    [...new Set(items.map((it) => it.alert.externalId))],
  );

  // Routing decides the city, which a person and an alert cannot do without.
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

  // The first routable occurrence of an externalId is the one that counts; a repeat inside the
  // request is answered like a replay of it (duplicate or conflict). Known ones never get written.
  const firstByExternalId = new Map<string, Candidate>();
  const repeats: Candidate[] = [];
  const candidates: Candidate[] = [];
  for (const c of routable) {
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

  const counted = { joined: 0 };
  await db.$transaction(
    async (tx) => {
      const audited = candidates.length > 0 && (await writeCandidates(tx, source, candidates, ctx, finals, counted, predictAudit));
      for (const r of repeats) {
        const first = firstByExternalId.get(r.alert.externalId)!;
        const record = recordOf(first, finals[first.index]!);
        finals[r.index] = replayOutcome(r.hash, record);
      }
      if (!audited) {
        if (candidates.length > 0) log.debug({ sourceId: source.id }, "alert ingestion: lost an insert race; audit row written on its own");
        const summary = summarize(
          finals.map((f) => ({ outcome: f!.outcome })),
          counted.joined,
        );
        await recordAudit(tx, null, {
          action: "alert.ingest",
          outcome: "SUCCESS",
          entityType: "alert_source",
          entityId: source.id,
          details: { sourceCode: source.code, ...summary },
        });
      }
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  return counted.joined;
}

type AuditDetails = IngestSummary & { sourceCode: string };

const EMPTY_CONTEXT: BatchContext = {
  cities: new Map(),
  routes: new Map(),
  firstContactMinutes: () => DEFAULT_FIRST_CONTACT_MINUTES,
  singleCityId: null,
  existing: new Map(),
};

/** What a repeat of `first` inside the same request is compared with. */
function recordOf(first: Candidate, final: Final): { id: string; payloadHash: string } {
  if (final.outcome === "created") return { id: final.alertId, payloadHash: first.hash };
  if (final.outcome === "duplicate" || final.outcome === "conflict") return { id: final.alertId, payloadHash: final.recordHash };
  throw new Error("unreachable: a routable first occurrence is never invalid");
}

function replayOutcome(hash: string, record: { id: string; payloadHash: string }): Final {
  return { outcome: hash === record.payloadHash ? "duplicate" : "conflict", alertId: record.id, recordHash: record.payloadHash };
}

// ─── The writes ──────────────────────────────────────────────────────────────────────────────

interface PersonRef {
  /** Either an existing person found by ID number, or the (city, phone) key of an upsert row. */
  personId?: string;
  phoneKey?: string;
}

interface LinkedPerson {
  personId: string;
  /** Linked by ID number to a person stored with another phone (that phone is kept). */
  viaIdNumber: boolean;
}

interface UpsertPerson {
  city_id: string;
  phone: string;
  name: string;
  id_number: string | null;
  address: string | null;
}

interface OpenAlert {
  id: string;
  personId: string;
  detectedAt: number;
  riskLevel: RiskLevel;
  /** Its first-contact deadline (epoch ms). */
  deadline: number;
}

async function writeCandidates(
  tx: Tx,
  source: IngestSource,
  candidates: Candidate[],
  ctx: BatchContext,
  finals: (Final | undefined)[],
  counted: { joined: number },
  predictAudit: (joined: number) => AuditDetails,
): Promise<boolean> {
  const linked = await linkPersons(tx, candidates);
  const personIdOf = (c: Candidate) => linked.get(c.index)!.personId;

  // Open alerts of these persons that a new alert may join, locked: the person rows locked by
  // linkPersons already serialize ingestion per person; this also holds off a triage change
  // to an alert whose risk may be raised here.
  const personIds = [...new Set(candidates.map((c) => personIdOf(c)))];
  const earliest = Math.min(...candidates.map((c) => Date.parse(c.alert.detectedAt)));
  const openRows = await tx.$queryRaw<{ id: string; person_id: string; detected_at: Date; risk_level: RiskLevel; first_contact_deadline: Date }[]>`
    SELECT id, person_id, detected_at, risk_level, first_contact_deadline
    FROM alert
    WHERE person_id = ANY(${personIds}::uuid[])
      AND status IN ('NEW', 'CLAIMED')
      AND detected_at >= ${new Date(earliest - REPEAT_WINDOW_MS).toISOString()}::timestamptz
    ORDER BY id
    FOR UPDATE`;
  const openByPerson = new Map<string, OpenAlert[]>();
  for (const r of openRows) {
    const list = openByPerson.get(r.person_id) ?? [];
    list.push({ id: r.id, personId: r.person_id, detectedAt: r.detected_at.getTime(), riskLevel: r.risk_level, deadline: r.first_contact_deadline.getTime() });
    openByPerson.set(r.person_id, list);
  }

  // Per person, in detection order: join the latest open alert detected at most 72 h earlier (or
  // later), else open a new one that the following alerts of the batch may join.
  const ordered = [...candidates].sort(
    (a, b) => Date.parse(a.alert.detectedAt) - Date.parse(b.alert.detectedAt) || a.index - b.index,
  );
  const rows: AlertRow[] = [];
  const joinTarget = new Map<string, OpenAlert>();
  for (const c of ordered) {
    const personId = personIdOf(c);
    const detectedAt = Date.parse(c.alert.detectedAt);
    const open = (openByPerson.get(personId) ?? [])
      .filter((o) => o.detectedAt >= detectedAt - REPEAT_WINDOW_MS)
      .sort((a, b) => b.detectedAt - a.detectedAt)[0];
    const id = randomUUID();
    const deadline = firstContactDeadline(new Date(detectedAt), c.alert.riskLevel, ctx.firstContactMinutes(c.cityId)).getTime();
    rows.push(alertRow(c, id, personId, open?.id ?? null, deadline, linked.get(c.index)!.viaIdNumber));
    if (open) joinTarget.set(id, open);
    else {
      const list = openByPerson.get(personId) ?? [];
      list.push({ id, personId, detectedAt, riskLevel: c.alert.riskLevel, deadline });
      openByPerson.set(personId, list);
    }
  }

  // The request's audit row rides on the same statement when nothing is lost to a concurrent
  // request (the counts are then exactly the predicted ones); otherwise it is written after.
  const { requestId, ip } = await getRequestContext();
  const predicted = predictAudit(joinTarget.size);
  const insertedRows = await tx.$queryRaw<{ id: string; audited: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        id uuid, city_id uuid, district_id uuid, station_id uuid, external_id text, payload_hash text,
        person_id uuid, address text, risk_level text, fraud_type text, status text,
        detected_at timestamptz, first_contact_deadline timestamptz, caller_numbers text[], app_names text[],
        urls text[], suspect_accounts text[], amount_in_transfer_fen int8, joined_alert_id uuid, routed_by text,
        linked_by text)
    ), ins AS (
      INSERT INTO alert (
        id, city_id, district_id, station_id, source_id, external_id, payload_hash, person_id, address,
        risk_level, fraud_type, status, detected_at, first_contact_deadline, caller_numbers, app_names, urls,
        suspect_accounts, amount_in_transfer_fen, joined_alert_id)
      SELECT id, city_id, district_id, station_id, ${source.id}::uuid, external_id, payload_hash, person_id, address,
        risk_level::"RiskLevel", fraud_type::"FraudType", status::"AlertStatus", detected_at, first_contact_deadline,
        caller_numbers, app_names, urls, suspect_accounts, amount_in_transfer_fen, joined_alert_id
      FROM input
      ON CONFLICT (source_id, external_id) DO NOTHING
      RETURNING id
    ), created AS (
      INSERT INTO alert_event (alert_id, city_id, kind, data)
      SELECT input.id, input.city_id, 'CREATED', jsonb_strip_nulls(jsonb_build_object(
        'sourceCode', ${source.code}::text, 'externalId', input.external_id, 'riskLevel', input.risk_level,
        'routedBy', input.routed_by, 'joinedAlertId', input.joined_alert_id, 'personLinkedBy', input.linked_by))
      FROM ins JOIN input ON input.id = ins.id
    ), audit AS (
      INSERT INTO audit_event (action, outcome, entity_type, entity_id, details, request_id, ip)
      SELECT 'alert.ingest', 'SUCCESS', 'alert_source', ${source.id}::text, ${JSON.stringify(predicted)}::jsonb, ${requestId}::text, ${ip}::text
      WHERE (SELECT count(*) FROM ins) = ${rows.length}::int
      RETURNING id
    )
    SELECT id, (SELECT count(*) FROM audit)::int AS audited FROM ins`;
  const inserted = new Set(insertedRows.map((r) => r.id));
  const audited = insertedRows.length === rows.length && insertedRows.every((r) => r.audited === 1);

  // Lost races: another request inserted the same externalId between our read and our insert.
  const lost = rows.filter((r) => !inserted.has(r.id));
  const winners = new Map<string, { id: string; payloadHash: string }>();
  if (lost.length > 0) {
    const found = await tx.$queryRaw<{ id: string; external_id: string; payload_hash: string }[]>`
      SELECT id, external_id, payload_hash FROM alert
      WHERE source_id = ${source.id}::uuid AND external_id = ANY(${lost.map((r) => r.external_id)}::text[])`;
    for (const w of found) winners.set(w.external_id, { id: w.id, payloadHash: w.payload_hash });
  }

  const byId = new Map(candidates.map((c) => [c.index, c]));
  const raises = new Map<string, { open: OpenAlert; to: RiskLevel; byAlertId: string; cityId: string }>();
  const repeatEvents: { alert_id: string; city_id: string; data: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const c = byId.get(row.index)!;
    if (!inserted.has(row.id)) {
      const winner = winners.get(row.external_id);
      // A winner always exists (ON CONFLICT saw it); if not, let the retry sort it out.
      if (!winner) throw Object.assign(new Error("lost insert race without a winner"), { code: "40001" });
      finals[c.index] = replayOutcome(c.hash, winner);
      continue;
    }
    const open = joinTarget.get(row.id);
    finals[c.index] = { outcome: "created", alertId: row.id, ...(open ? { joinedAlertId: open.id } : {}) };
    if (!open) continue;
    counted.joined++;
    // A person belongs to one city, and so do all of their alerts.
    repeatEvents.push({ alert_id: open.id, city_id: c.cityId, data: { repeatAlertId: row.id, sourceCode: source.code, riskLevel: c.alert.riskLevel } });
    const current = raises.get(open.id)?.to ?? open.riskLevel;
    if (RISK_RANK[c.alert.riskLevel] < RISK_RANK[current]) raises.set(open.id, { open, to: c.alert.riskLevel, byAlertId: row.id, cityId: c.cityId });
  }

  if (repeatEvents.length > 0) {
    for (const ev of repeatEvents) {
      const raise = raises.get(ev.alert_id);
      if (raise && raise.byAlertId === ev.data.repeatAlertId) {
        ev.data.riskRaisedFrom = raise.open.riskLevel;
        ev.data.riskRaisedTo = raise.to;
      }
    }
    // The open alert takes the higher risk, and the tighter deadline that risk gives from its own
    // detection time (never a later one); its version moves so a stale triage form is refused.
    const raiseRows = [...raises.values()].map((r) => ({
      id: r.open.id,
      risk_level: r.to,
      deadline: firstContactDeadline(new Date(r.open.detectedAt), r.to, ctx.firstContactMinutes(r.cityId)).toISOString(),
    }));
    await tx.$queryRaw`
      WITH raised AS (
        UPDATE alert a
        SET risk_level = t.risk_level::"RiskLevel",
            first_contact_deadline = LEAST(a.first_contact_deadline, t.deadline),
            version = a.version + 1
        FROM jsonb_to_recordset(${JSON.stringify(raiseRows)}::jsonb) AS t(id uuid, risk_level text, deadline timestamptz)
        WHERE a.id = t.id
        RETURNING a.id
      ), events AS (
        INSERT INTO alert_event (alert_id, city_id, kind, data)
        SELECT t.alert_id, t.city_id, 'REPEAT_JOINED', t.data
        FROM jsonb_to_recordset(${JSON.stringify(repeatEvents)}::jsonb) AS t(alert_id uuid, city_id uuid, data jsonb)
        RETURNING id
      )
      SELECT (SELECT count(*) FROM raised)::int AS raised, (SELECT count(*) FROM events)::int AS events`;
  }
  return audited;
}

/**
 * Finds or creates the person of every candidate and returns a lookup. Same phone in the city →
 * that person; else the same ID number → that person; else a new person. Missing ID number and
 * address are filled in, never overwritten. Every person touched is row-locked until commit, so
 * concurrent requests about one person take turns (and see each other's open alerts).
 */
async function linkPersons(tx: Tx, candidates: readonly Candidate[]): Promise<Map<number, LinkedPerson>> {
  const phoneKey = (c: Candidate) => `${c.cityId}|${c.alert.person.phone}`;
  const idKey = (c: Candidate) => `${c.cityId}|${c.alert.person.idNumber}`;

  const existingPhones = new Set<string>();
  const existingIds = new Map<string, string>();
  const withId = candidates.filter((c) => c.alert.person.idNumber !== undefined);
  if (withId.length > 0) {
    const keys = JSON.stringify(withId.map((c) => ({ city_id: c.cityId, phone: c.alert.person.phone, id_number: c.alert.person.idNumber })));
    const found = await tx.$queryRaw<{ id: string; city_id: string; phone: string; id_number: string | null; by: "phone" | "id" }[]>`
      WITH k AS (SELECT * FROM jsonb_to_recordset(${keys}::jsonb) AS t(city_id uuid, phone text, id_number text))
      SELECT p.id, p.city_id, p.phone, p.id_number, 'phone' AS by FROM person p JOIN k ON p.city_id = k.city_id AND p.phone = k.phone
      UNION
      SELECT p.id, p.city_id, p.phone, p.id_number, 'id' AS by FROM person p JOIN k ON p.city_id = k.city_id AND p.id_number = k.id_number
      ORDER BY 1`;
    for (const p of found) {
      if (p.by === "phone") existingPhones.add(`${p.city_id}|${p.phone}`);
      else if (!existingIds.has(`${p.city_id}|${p.id_number}`)) existingIds.set(`${p.city_id}|${p.id_number}`, p.id);
    }
  }

  const refs = new Map<number, PersonRef>();
  const upserts = new Map<string, UpsertPerson>();
  const byIdInBatch = new Map<string, string>();
  const idLinked = new Map<string, string | null>();
  for (const c of candidates) {
    const { phone, idNumber, name, address } = c.alert.person;
    const pk = phoneKey(c);
    let ref: PersonRef;
    if (existingPhones.has(pk) || upserts.has(pk)) ref = { phoneKey: pk };
    else if (idNumber !== undefined && existingIds.has(idKey(c))) ref = { personId: existingIds.get(idKey(c))! };
    else if (idNumber !== undefined && byIdInBatch.has(idKey(c))) ref = { phoneKey: byIdInBatch.get(idKey(c))! };
    else ref = { phoneKey: pk };

    if (ref.phoneKey) {
      const row = upserts.get(ref.phoneKey);
      if (!row) upserts.set(ref.phoneKey, { city_id: c.cityId, phone, name, id_number: idNumber ?? null, address: address ?? null });
      else {
        row.id_number ??= idNumber ?? null;
        row.address ??= address ?? null;
      }
      if (idNumber !== undefined && !byIdInBatch.has(idKey(c))) byIdInBatch.set(idKey(c), ref.phoneKey);
    } else if (ref.personId) {
      const current = idLinked.get(ref.personId);
      if (current == null) idLinked.set(ref.personId, address ?? null);
    }
    refs.set(c.index, ref);
  }

  const idByPhoneKey = new Map<string, string>();
  if (upserts.size > 0) {
    // Sorted, so concurrent batches lock persons in the same order.
    const rows = [...upserts.values()].sort((a, b) => (a.city_id + a.phone < b.city_id + b.phone ? -1 : 1));
    const upserted = await tx.$queryRaw<{ id: string; city_id: string; phone: string }[]>`
      INSERT INTO person (city_id, phone, name, id_number, address)
      SELECT t.city_id, t.phone, t.name, t.id_number, t.address
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(city_id uuid, phone text, name text, id_number text, address text)
      ORDER BY t.city_id, t.phone
      ON CONFLICT (city_id, phone) DO UPDATE SET
        id_number = COALESCE(person.id_number, EXCLUDED.id_number),
        address = COALESCE(person.address, EXCLUDED.address),
        updated_at = CASE
          WHEN (person.id_number IS NULL AND EXCLUDED.id_number IS NOT NULL) OR (person.address IS NULL AND EXCLUDED.address IS NOT NULL)
          THEN now() ELSE person.updated_at END
      RETURNING id, city_id, phone`;
    for (const p of upserted) idByPhoneKey.set(`${p.city_id}|${p.phone}`, p.id);
  }
  if (idLinked.size > 0) {
    const rows = [...idLinked].map(([id, address]) => ({ id, address })).sort((a, b) => (a.id < b.id ? -1 : 1));
    await tx.$queryRaw`
      UPDATE person p
      SET address = COALESCE(p.address, t.address),
          updated_at = CASE WHEN p.address IS NULL AND t.address IS NOT NULL THEN now() ELSE p.updated_at END
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(id uuid, address text)
      WHERE p.id = t.id
      RETURNING p.id`;
  }

  const linked = new Map<number, LinkedPerson>();
  for (const [index, ref] of refs) {
    const personId = ref.personId ?? idByPhoneKey.get(ref.phoneKey!);
    if (!personId) throw new Error("person upsert returned no row");
    linked.set(index, { personId, viaIdNumber: ref.personId !== undefined });
  }
  return linked;
}

interface AlertRow {
  index: number;
  id: string;
  city_id: string;
  district_id: string | null;
  station_id: string | null;
  external_id: string;
  payload_hash: string;
  person_id: string;
  address: string | null;
  risk_level: RiskLevel;
  fraud_type: string;
  status: "NEW" | "JOINED";
  detected_at: string;
  first_contact_deadline: string;
  caller_numbers: string[];
  app_names: string[];
  urls: string[];
  suspect_accounts: string[];
  amount_in_transfer_fen: number | null;
  joined_alert_id: string | null;
  routed_by: string | null;
  linked_by: "idNumber" | null;
}

function alertRow(c: Candidate, id: string, personId: string, joinedAlertId: string | null, deadline: number, viaIdNumber: boolean): AlertRow {
  const a = c.alert;
  return {
    index: c.index,
    id,
    city_id: c.cityId,
    district_id: c.route?.districtId ?? null,
    station_id: c.route?.stationId ?? null,
    external_id: a.externalId,
    payload_hash: c.hash,
    person_id: personId,
    address: a.person.address ?? null,
    risk_level: a.riskLevel,
    fraud_type: a.fraudType,
    status: joinedAlertId ? "JOINED" : "NEW",
    detected_at: a.detectedAt,
    first_contact_deadline: new Date(deadline).toISOString(),
    caller_numbers: a.callerNumbers,
    app_names: a.appNames,
    urls: a.urls,
    suspect_accounts: a.suspectAccounts,
    amount_in_transfer_fen: a.amountInTransferFen ?? null,
    joined_alert_id: joinedAlertId,
    routed_by: c.route?.via ?? null,
    linked_by: viaIdNumber ? "idNumber" : null,
  };
}

// ─── Results ─────────────────────────────────────────────────────────────────────────────────

function toResult(index: number, final: Final, raw: unknown): IngestItemResult {
  const externalId = rawExternalId(raw);
  switch (final.outcome) {
    case "created":
      return { index, externalId, status: 201, outcome: "created", alertId: final.alertId, ...(final.joinedAlertId ? { joinedAlertId: final.joinedAlertId } : {}) };
    case "duplicate":
      return { index, externalId, status: 200, outcome: "duplicate", alertId: final.alertId };
    case "conflict":
      return { index, externalId, status: 409, outcome: "conflict", alertId: final.alertId };
    case "invalid":
      return { index, externalId, status: 422, outcome: "invalid", errors: final.errors };
  }
}

function summarize(results: readonly { outcome: Final["outcome"] }[], joined: number): IngestSummary {
  const summary: IngestSummary = { created: 0, duplicate: 0, conflict: 0, invalid: 0, joined };
  for (const r of results) summary[r.outcome]++;
  return summary;
}

/** The PostgreSQL SQLSTATE inside a (Prisma-wrapped) database error, if there is one. */
export function pgErrorCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): string | null => {
    if (typeof e !== "object" || e === null || seen.has(e) || depth > 6) return null;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const key of ["originalCode", "code"]) {
      const v = o[key];
      if (typeof v === "string" && /^[0-9A-Z]{5}$/.test(v) && !v.startsWith("P")) return v;
    }
    for (const key of ["cause", "meta", "driverAdapterError"]) {
      const found = visit(o[key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(error, 0);
}
