// A batch of generated rows (persons, their alerts, the alerts' contact attempts) kept as
// columns of primitives — no per-row objects survive generation, which keeps the garbage
// collector out of the way at a million alerts — and written with ONE statement:
//   WITH p AS (INSERT INTO person … SELECT … FROM unnest($1::uuid[], …)),
//        a AS (INSERT INTO alert  … SELECT … FROM unnest(…))
//   INSERT INTO contact_attempt … SELECT … FROM unnest(…)
// so a batch costs one round trip and is atomic without BEGIN/COMMIT. Foreign keys are checked
// at the end of the statement, when all three sets of rows exist.
import type { AlertStatus } from "@/lib/generated/prisma/enums";
import type { AlertRow, AttemptRow } from "./alerts";
import { encodeColumn, textArrayLiteral, unnestInsertSql, type ColumnSpec, type Queryable } from "./db";
import type { PersonRow } from "./persons";

// Timestamps travel as epoch milliseconds (int8) and become timestamptz in SQL: exact, and far
// cheaper than formatting millions of ISO strings in JavaScript. NaN stands for NULL.
const ts = (column: string) => `timestamptz 'epoch' + t."${column}" * interval '1 millisecond'`;
const tsColumn = (name: string): ColumnSpec => [name, "int8[]", ts(name)];
// text[] cells travel as array literals (unnest would flatten a 2-D array) and are cast back.
const textArrayColumn = (name: string): ColumnSpec => [name, "text[]", `t."${name}"::text[]`];

const PERSON_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["name", "text[]"], ["phone", "text[]"], ["id_number", "text[]"], ["address", "text[]"],
  tsColumn("created_at"), tsColumn("updated_at"),
];
const ALERT_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["source_id", "uuid[]"],
  ["external_id", "text[]"], ["payload_hash", "text[]"], ["person_id", "uuid[]"], ["address", "text[]"],
  ["risk_level", '"RiskLevel"[]'], ["fraud_type", '"FraudType"[]'], ["status", '"AlertStatus"[]'],
  ["outcome", '"AlertOutcome"[]'], tsColumn("detected_at"), tsColumn("received_at"),
  tsColumn("first_contact_deadline"), tsColumn("first_contact_at"),
  textArrayColumn("caller_numbers"), textArrayColumn("app_names"), textArrayColumn("urls"),
  textArrayColumn("suspect_accounts"), ["amount_in_transfer_fen", "int8[]"], ["loss_fen", "int8[]"],
  ["assignee_id", "uuid[]"], tsColumn("claimed_at"), tsColumn("closed_at"), ["closed_by_id", "uuid[]"],
  ["joined_alert_id", "uuid[]"],
];
const ATTEMPT_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["alert_id", "uuid[]"], ["user_id", "uuid[]"], ["channel", '"ContactChannel"[]'],
  ["result", '"ContactResult"[]'], ["note", "text[]"], tsColumn("attempted_at"), tsColumn("created_at"),
];

// Parameter numbering: persons $1–$8 (last: city id), alerts next (last: city id), attempts last.
const PERSON_PARAMS = PERSON_COLUMNS.length + 1;
const ALERT_PARAMS = ALERT_COLUMNS.length + 1;
const PERSON_SQL = unnestInsertSql("person", PERSON_COLUMNS, { city_id: `$${PERSON_PARAMS}::uuid` });
const ALERT_SQL = unnestInsertSql("alert", ALERT_COLUMNS, { city_id: `$${PERSON_PARAMS + ALERT_PARAMS}::uuid` }, PERSON_PARAMS);
const ATTEMPT_SQL = unnestInsertSql("contact_attempt", ATTEMPT_COLUMNS, {}, PERSON_PARAMS + ALERT_PARAMS);

export const BATCH_SQL = `WITH "p" AS (${PERSON_SQL}), "a" AS (${ALERT_SQL}) ${ATTEMPT_SQL}`;

type Cell = string | number | null;

class Columns {
  readonly cols: Cell[][];
  length = 0;

  constructor(private readonly specs: readonly ColumnSpec[]) {
    this.cols = specs.map(() => []);
  }

  encode(): string[] {
    return this.cols.map((values, i) => encodeColumn(this.specs[i]![1], values));
  }
}

const orNaN = (ms: number | null) => (ms === null ? NaN : ms);

export class Batch {
  readonly persons = new Columns(PERSON_COLUMNS);
  readonly alerts = new Columns(ALERT_COLUMNS);
  readonly attempts = new Columns(ATTEMPT_COLUMNS);
  readonly statusCounts: Record<AlertStatus, number> = { NEW: 0, CLAIMED: 0, CLOSED: 0, JOINED: 0 };

  addPerson(p: PersonRow): void {
    const c = this.persons.cols;
    c[0]!.push(p.id);
    c[1]!.push(p.name);
    c[2]!.push(p.phone);
    c[3]!.push(p.idNumber);
    c[4]!.push(p.address);
    c[5]!.push(p.createdAt);
    c[6]!.push(p.createdAt);
    this.persons.length++;
  }

  addAlert(a: AlertRow): void {
    const c = this.alerts.cols;
    let k = 0;
    c[k++]!.push(a.id);
    c[k++]!.push(a.districtId);
    c[k++]!.push(a.stationId);
    c[k++]!.push(a.sourceId);
    c[k++]!.push(a.externalId);
    c[k++]!.push(a.payloadHash);
    c[k++]!.push(a.personId);
    c[k++]!.push(a.address);
    c[k++]!.push(a.riskLevel);
    c[k++]!.push(a.fraudType);
    c[k++]!.push(a.status);
    c[k++]!.push(a.outcome);
    c[k++]!.push(a.detectedAt);
    c[k++]!.push(a.receivedAt);
    c[k++]!.push(a.firstContactDeadline);
    c[k++]!.push(orNaN(a.firstContactAt));
    c[k++]!.push(textArrayLiteral(a.callerNumbers));
    c[k++]!.push(textArrayLiteral(a.appNames));
    c[k++]!.push(textArrayLiteral(a.urls));
    c[k++]!.push(textArrayLiteral(a.suspectAccounts));
    c[k++]!.push(a.amountInTransferFen);
    c[k++]!.push(a.lossFen);
    c[k++]!.push(a.assigneeId);
    c[k++]!.push(orNaN(a.claimedAt));
    c[k++]!.push(orNaN(a.closedAt));
    c[k++]!.push(a.closedById);
    c[k++]!.push(a.joinedAlertId);
    this.alerts.length++;
    this.statusCounts[a.status]++;
  }

  addAttempt(r: AttemptRow): void {
    const c = this.attempts.cols;
    c[0]!.push(r.id);
    c[1]!.push(r.alertId);
    c[2]!.push(r.userId);
    c[3]!.push(r.channel);
    c[4]!.push(r.result);
    c[5]!.push(r.note);
    c[6]!.push(r.attemptedAt);
    c[7]!.push(r.attemptedAt);
    this.attempts.length++;
  }

  /** The parameters of BATCH_SQL. */
  params(cityId: string): string[] {
    return [...this.persons.encode(), cityId, ...this.alerts.encode(), cityId, ...this.attempts.encode()];
  }
}

/** Encodes the batch up front (synchronously) and returns a runner that writes it. */
export function prepareBatch(batch: Batch, cityId: string): (client: Queryable) => Promise<void> {
  const params = batch.params(cityId);
  return async (client) => {
    await client.query(BATCH_SQL, params);
  };
}
