import "server-only";
import { randomUUID } from "node:crypto";
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { firstContactDeadline } from "@/lib/alerts/sla";
import type { Tx } from "@/lib/db";
import { getRequestContext } from "@/lib/request-context";
import type { IngestSummary } from "@/lib/schemas/ingest";
import type { IngestSource } from "./authenticate-source";
import type { BatchContext } from "./load-batch-context";
import type { Candidate, Final } from "./ingest-types";
import { replayOutcome } from "./ingest-results";
import { linkPersons } from "./link-persons";
import { planJoins, planRaises, REPEAT_WINDOW_MS, type OpenAlert } from "./plan-repeats";

export type AuditDetails = IngestSummary & { sourceCode: string };

/**
 * Writes the candidates of one request inside its transaction: persons linked, alerts inserted
 * with their CREATED events (joining open alerts of the same person where the 72-hour rule says
 * so), joined alerts' risks raised with a REPEAT_JOINED event. Fills `finals` for each candidate.
 * The request's audit row rides on the alert INSERT when nothing is lost to a concurrent request
 * (its counts are then exactly `predictAudit`'s); returns whether it did, and the joined count.
 */
export async function writeCandidates(
  tx: Tx,
  source: IngestSource,
  candidates: readonly Candidate[],
  ctx: BatchContext,
  finals: (Final | undefined)[],
  predictAudit: (joined: number) => AuditDetails,
): Promise<{ audited: boolean; joined: number }> {
  const { linked, sealed } = await linkPersons(tx, candidates);

  // Open alerts of these persons that a new alert may join, locked: the person rows locked by
  // linkPersons already serialize ingestion per person; this also holds off a triage change
  // to an alert whose risk may be raised here.
  const personIds = [...new Set([...linked.values()].map((l) => l.personId))];
  const earliest = Math.min(...candidates.map((c) => Date.parse(c.alert.detectedAt)));
  const openRows = await tx.$queryRaw<{ id: string; person_id: string; detected_at: Date; risk_level: RiskLevel }[]>`
    SELECT id, person_id, detected_at, risk_level
    FROM alert
    WHERE person_id = ANY(${personIds}::uuid[])
      AND status IN ('NEW', 'CLAIMED')
      AND detected_at >= ${new Date(earliest - REPEAT_WINDOW_MS).toISOString()}::timestamptz
    ORDER BY id
    FOR UPDATE`;
  const open: OpenAlert[] = openRows.map((r) => ({ id: r.id, personId: r.person_id, detectedAt: r.detected_at.getTime(), riskLevel: r.risk_level }));

  const ids = new Map(candidates.map((c) => [c.index, randomUUID()]));
  const joins = planJoins(
    candidates.map((c) => ({ id: ids.get(c.index)!, index: c.index, personId: linked.get(c.index)!.personId, detectedAt: Date.parse(c.alert.detectedAt), riskLevel: c.alert.riskLevel })),
    open,
  );
  const rows = candidates.map((c) => {
    const a = c.alert;
    const id = ids.get(c.index)!;
    const s = sealed.get(c.index)!;
    const target = joins.get(id) ?? null;
    return {
      index: c.index,
      id,
      city_id: c.cityId,
      district_id: c.route?.districtId ?? null,
      station_id: c.route?.stationId ?? null,
      external_id: a.externalId,
      payload_hash: c.hash,
      person_id: linked.get(c.index)!.personId,
      phone_sealed: s.phoneSealed,
      phone_index: s.phoneIndex,
      address_sealed: s.addressSealed,
      risk_level: a.riskLevel,
      fraud_type: a.fraudType,
      status: target ? "JOINED" : "NEW",
      detected_at: a.detectedAt,
      first_contact_deadline: firstContactDeadline(new Date(a.detectedAt), a.riskLevel, ctx.firstContactMinutes(c.cityId)).toISOString(),
      caller_numbers: a.callerNumbers,
      app_names: a.appNames,
      urls: a.urls,
      suspect_accounts: a.suspectAccounts,
      amount_in_transfer_fen: a.amountInTransferFen ?? null,
      joined_alert_id: target?.id ?? null,
      routed_by: c.route?.via ?? null,
      linked_by: linked.get(c.index)!.viaIdNumber ? "idNumber" : null,
    };
  });

  const { requestId, ip } = await getRequestContext();
  const predicted = predictAudit(joins.size);
  const insertedRows = await tx.$queryRaw<{ id: string; audited: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        id uuid, city_id uuid, district_id uuid, station_id uuid, external_id text, payload_hash text,
        person_id uuid, phone_sealed text, phone_index text, address_sealed text, risk_level text, fraud_type text, status text,
        detected_at timestamptz, first_contact_deadline timestamptz, caller_numbers text[], app_names text[],
        urls text[], suspect_accounts text[], amount_in_transfer_fen int8, joined_alert_id uuid, routed_by text,
        linked_by text)
    ), ins AS (
      INSERT INTO alert (
        id, city_id, district_id, station_id, source_id, external_id, payload_hash, person_id, phone_sealed, phone_index,
        address_sealed, risk_level, fraud_type, status, detected_at, first_contact_deadline, caller_numbers, app_names, urls,
        suspect_accounts, amount_in_transfer_fen, joined_alert_id)
      SELECT id, city_id, district_id, station_id, ${source.id}::uuid, external_id, payload_hash, person_id, phone_sealed, phone_index,
        address_sealed, risk_level::"RiskLevel", fraud_type::"FraudType", status::"AlertStatus", detected_at, first_contact_deadline,
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

  const byIndex = new Map(candidates.map((c) => [c.index, c]));
  const joined: { alertId: string; riskLevel: RiskLevel; target: OpenAlert; cityId: string }[] = [];
  for (const row of rows) {
    const c = byIndex.get(row.index)!;
    if (!inserted.has(row.id)) {
      const winner = winners.get(row.external_id);
      // A winner always exists (ON CONFLICT saw it); if not, let the retry sort it out.
      if (!winner) throw Object.assign(new Error("lost insert race without a winner"), { code: "40001" });
      finals[c.index] = replayOutcome(c.hash, winner);
      continue;
    }
    const target = joins.get(row.id);
    finals[c.index] = { outcome: "created", alertId: row.id, ...(target ? { joinedAlertId: target.id } : {}) };
    if (target) joined.push({ alertId: row.id, riskLevel: c.alert.riskLevel, target, cityId: c.cityId });
  }
  if (joined.length > 0) await raiseJoined(tx, source, ctx, joined);
  return { audited, joined: joined.length };
}

/**
 * The open alert takes the higher risk, and the tighter deadline that risk gives from its own
 * detection time (never a later one); its version moves so a stale triage form is refused. Each
 * repeat is a REPEAT_JOINED event on it (a person belongs to one city, and so do their alerts).
 */
async function raiseJoined(tx: Tx, source: IngestSource, ctx: BatchContext, joined: { alertId: string; riskLevel: RiskLevel; target: OpenAlert; cityId: string }[]) {
  const raises = planRaises(joined);
  const cityOf = new Map(joined.map((j) => [j.target.id, j.cityId]));
  const repeatEvents = joined.map((j) => {
    const raise = raises.get(j.target.id);
    const raisedHere = raise?.byAlertId === j.alertId;
    return {
      alert_id: j.target.id,
      city_id: j.cityId,
      data: { repeatAlertId: j.alertId, sourceCode: source.code, riskLevel: j.riskLevel, ...(raisedHere ? { riskRaisedFrom: raise!.open.riskLevel, riskRaisedTo: raise!.to } : {}) },
    };
  });
  const raiseRows = [...raises.values()].map((r) => ({
    id: r.open.id,
    risk_level: r.to,
    deadline: firstContactDeadline(new Date(r.open.detectedAt), r.to, ctx.firstContactMinutes(cityOf.get(r.open.id)!)).toISOString(),
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
