// Writes one generated batch (persons, their alerts, the alerts' contact attempts) with
// multi-row INSERT … SELECT FROM unnest(…) statements.
import type { AlertRow, AttemptRow, Batch } from "./alerts";
import { encodeColumn, textArrayLiteral, unnestInsertSql, type ColumnSpec, type Queryable } from "./db";
import type { PersonRow } from "./persons";

// Timestamps travel as epoch milliseconds (int8) and become timestamptz in SQL: exact, and far
// cheaper than formatting millions of ISO strings in JavaScript.
const ts = (column: string) => `timestamptz 'epoch' + t."${column}" * interval '1 millisecond'`;

const PERSON_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["name", "text[]"], ["phone", "text[]"], ["id_number", "text[]"], ["address", "text[]"],
  ["created_at", "int8[]", ts("created_at")], ["updated_at", "int8[]", ts("updated_at")],
];
const PERSON_SQL = unnestInsertSql("person", PERSON_COLUMNS, { city_id: "$8::uuid" });
const PERSON_PARAMS = 8;

const ALERT_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["source_id", "uuid[]"],
  ["external_id", "text[]"], ["payload_hash", "text[]"], ["person_id", "uuid[]"], ["address", "text[]"],
  ["risk_level", '"RiskLevel"[]'], ["fraud_type", '"FraudType"[]'], ["status", '"AlertStatus"[]'],
  ["outcome", '"AlertOutcome"[]'], ["detected_at", "int8[]", ts("detected_at")], ["received_at", "int8[]", ts("received_at")],
  ["first_contact_deadline", "int8[]", ts("first_contact_deadline")], ["first_contact_at", "int8[]", ts("first_contact_at")],
  // text[] cells travel as array literals (unnest would flatten a 2-D array) and are cast back.
  ["caller_numbers", "text[]", `t."caller_numbers"::text[]`], ["app_names", "text[]", `t."app_names"::text[]`],
  ["urls", "text[]", `t."urls"::text[]`], ["suspect_accounts", "text[]", `t."suspect_accounts"::text[]`],
  ["amount_in_transfer_fen", "int8[]"], ["loss_fen", "int8[]"], ["assignee_id", "uuid[]"],
  ["claimed_at", "int8[]", ts("claimed_at")], ["closed_at", "int8[]", ts("closed_at")], ["closed_by_id", "uuid[]"],
  ["joined_alert_id", "uuid[]"],
];
const ALERT_PARAMS = ALERT_COLUMNS.length + 1;
const ALERT_SQL = unnestInsertSql("alert", ALERT_COLUMNS, { city_id: `$${PERSON_PARAMS + ALERT_PARAMS}::uuid` }, PERSON_PARAMS);

const ATTEMPT_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["alert_id", "uuid[]"], ["user_id", "uuid[]"], ["channel", '"ContactChannel"[]'],
  ["result", '"ContactResult"[]'], ["note", "text[]"], ["attempted_at", "int8[]", ts("attempted_at")], ["created_at", "int8[]", ts("created_at")],
];
const ATTEMPT_SQL = unnestInsertSql("contact_attempt", ATTEMPT_COLUMNS, {}, PERSON_PARAMS + ALERT_PARAMS);

export const BATCH_SQL = `WITH "p" AS (${PERSON_SQL}), "a" AS (${ALERT_SQL}) ${ATTEMPT_SQL}`;

function personParams(rows: readonly PersonRow[], cityId: string): unknown[] {
  const created = rows.map((p) => p.createdAt);
  const cols = [
    rows.map((p) => p.id), rows.map((p) => p.name), rows.map((p) => p.phone), rows.map((p) => p.idNumber),
    rows.map((p) => p.address), created, created,
  ];
  return [...cols.map((values, i) => encodeColumn(PERSON_COLUMNS[i]![1], values)), cityId];
}

function alertParams(rows: readonly AlertRow[], cityId: string): unknown[] {
  const n = rows.length;
  const cols: (string | number | null)[][] = ALERT_COLUMNS.map(() => new Array<string | number | null>(n));
  for (let i = 0; i < n; i++) {
    const a = rows[i]!;
    let c = 0;
    cols[c++]![i] = a.id;
    cols[c++]![i] = a.districtId;
    cols[c++]![i] = a.stationId;
    cols[c++]![i] = a.sourceId;
    cols[c++]![i] = a.externalId;
    cols[c++]![i] = a.payloadHash;
    cols[c++]![i] = a.personId;
    cols[c++]![i] = a.address;
    cols[c++]![i] = a.riskLevel;
    cols[c++]![i] = a.fraudType;
    cols[c++]![i] = a.status;
    cols[c++]![i] = a.outcome;
    cols[c++]![i] = a.detectedAt;
    cols[c++]![i] = a.receivedAt;
    cols[c++]![i] = a.firstContactDeadline;
    cols[c++]![i] = a.firstContactAt;
    cols[c++]![i] = textArrayLiteral(a.callerNumbers);
    cols[c++]![i] = textArrayLiteral(a.appNames);
    cols[c++]![i] = textArrayLiteral(a.urls);
    cols[c++]![i] = textArrayLiteral(a.suspectAccounts);
    cols[c++]![i] = a.amountInTransferFen;
    cols[c++]![i] = a.lossFen;
    cols[c++]![i] = a.assigneeId;
    cols[c++]![i] = a.claimedAt;
    cols[c++]![i] = a.closedAt;
    cols[c++]![i] = a.closedById;
    cols[c++]![i] = a.joinedAlertId;
  }
  return [...cols.map((values, i) => encodeColumn(ALERT_COLUMNS[i]![1], values)), cityId];
}

function attemptParams(rows: readonly AttemptRow[]): unknown[] {
  const at = rows.map((r) => r.attemptedAt);
  const cols = [
    rows.map((r) => r.id), rows.map((r) => r.alertId), rows.map((r) => r.userId), rows.map((r) => r.channel),
    rows.map((r) => r.result), rows.map((r) => r.note), at, at,
  ];
  return cols.map((values, i) => encodeColumn(ATTEMPT_COLUMNS[i]![1], values));
}

/**
 * Builds the parameters up front (synchronously) and returns a runner that writes the whole
 * batch with ONE statement: the person and alert inserts are data-modifying CTEs of the attempt
 * insert, so a batch costs one round trip and is atomic without BEGIN/COMMIT. (Foreign keys are
 * checked at the end of the statement, when all three sets of rows exist.)
 */
export function prepareBatch(batch: Batch, cityId: string): (client: Queryable) => Promise<void> {
  const params = batchParams(batch, cityId);
  return async (client) => {
    await client.query(BATCH_SQL, params);
  };
}

/** The parameters of BATCH_SQL for one batch. */
export function batchParams(batch: Batch, cityId: string): unknown[] {
  return [...personParams(batch.persons, cityId), ...alertParams(batch.alerts, cityId), ...attemptParams(batch.attempts)];
}
