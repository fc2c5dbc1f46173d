// A batch of generated rows (persons and their phones, their alerts, the alerts' contact
// attempts), encoded as it is generated into one Postgres array literal per column (see
// LiteralBuilder: no per-row object or string outlives its row, which keeps the garbage
// collector out of the way at a million alerts), and written with ONE statement:
//   WITH p AS (INSERT INTO person … SELECT … FROM unnest($1::uuid[], …)),
//        f AS (INSERT INTO person_phone …),
//        a AS (INSERT INTO alert  … SELECT … FROM unnest(…))
//   INSERT INTO contact_attempt … SELECT … FROM unnest(…)
// Personal data is sealed and indexed as it is encoded, exactly as the console stores it.
// so a batch costs one round trip and is atomic without BEGIN/COMMIT. Foreign keys are checked
// at the end of the statement, when all three sets of rows exist.
import type { AlertStatus } from "@/prisma/generated/client/enums";
import type { AlertRow, AttemptRow } from "./alerts";
import { LiteralBuilder, unnestInsertSql, type ColumnSpec, type Queryable } from "./db";
import type { PersonRow } from "./persons";
import type { Vault } from "../../lib/pii/sealing";

// Timestamps travel as epoch milliseconds (int8) and become timestamptz in SQL: exact, and far
// cheaper than formatting millions of ISO strings in JavaScript.
const ts = (column: string) => `timestamptz 'epoch' + t."${column}" * interval '1 millisecond'`;
const tsColumn = (name: string): ColumnSpec => [name, "int8[]", ts(name)];
// text[] cells travel as array literals (unnest would flatten a 2-D array) and are cast back.
const textArrayColumn = (name: string): ColumnSpec => [name, "text[]", `t."${name}"::text[]`];

const PERSON_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["name_sealed", "text[]"], ["id_number_sealed", "text[]"], ["id_number_index", "text[]"], ["address_sealed", "text[]"],
  tsColumn("created_at"), tsColumn("updated_at"),
];
const PHONE_COLUMNS: readonly ColumnSpec[] = [
  ["person_id", "uuid[]"], ["phone_sealed", "text[]"], ["phone_index", "text[]"], tsColumn("first_seen_at"), tsColumn("last_seen_at"),
];
const ALERT_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["source_id", "uuid[]"],
  ["external_id", "text[]"], ["payload_hash", "text[]"], ["person_id", "uuid[]"], ["phone_sealed", "text[]"],
  ["phone_index", "text[]"], ["address_sealed", "text[]"],
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

// Parameter numbering: persons first (last: city id), then phones, alerts and attempts, each
// group ending with the city id.
const PERSON_PARAMS = PERSON_COLUMNS.length + 1;
const PHONE_PARAMS = PHONE_COLUMNS.length + 1;
const ALERT_PARAMS = ALERT_COLUMNS.length + 1;
const PERSON_SQL = unnestInsertSql("person", PERSON_COLUMNS, { city_id: `$${PERSON_PARAMS}::uuid` });
const PHONE_SQL = unnestInsertSql("person_phone", PHONE_COLUMNS, { city_id: `$${PERSON_PARAMS + PHONE_PARAMS}::uuid` }, PERSON_PARAMS);
const ALERT_SQL = unnestInsertSql("alert", ALERT_COLUMNS, { city_id: `$${PERSON_PARAMS + PHONE_PARAMS + ALERT_PARAMS}::uuid` }, PERSON_PARAMS + PHONE_PARAMS);
const ATTEMPT_SQL = unnestInsertSql(
  "contact_attempt",
  ATTEMPT_COLUMNS,
  { city_id: `$${PERSON_PARAMS + PHONE_PARAMS + ALERT_PARAMS + ATTEMPT_COLUMNS.length + 1}::uuid` },
  PERSON_PARAMS + PHONE_PARAMS + ALERT_PARAMS,
);

export const BATCH_SQL = `WITH "p" AS (${PERSON_SQL}), "f" AS (${PHONE_SQL}), "a" AS (${ALERT_SQL}) ${ATTEMPT_SQL}`;

const builders = (specs: readonly ColumnSpec[]) => specs.map(() => new LiteralBuilder());

export class Batch {
  constructor(private readonly vault: Vault) {}
  private readonly p = builders(PERSON_COLUMNS);
  private readonly f = builders(PHONE_COLUMNS);
  private readonly a = builders(ALERT_COLUMNS);
  private readonly c = builders(ATTEMPT_COLUMNS);
  persons = 0;
  alerts = 0;
  attempts = 0;
  readonly statusCounts: Record<AlertStatus, number> = { NEW: 0, CLAIMED: 0, CLOSED: 0, JOINED: 0 };

  addPerson(p: PersonRow): void {
    const v = this.vault;
    const b = this.p;
    b[0]!.plain(p.id);
    b[1]!.plain(v.seal("name", p.name));
    b[2]!.plain(p.idNumber ? v.seal("idNumber", p.idNumber) : null);
    b[3]!.plain(p.idNumber ? v.blindIndex("idNumber", p.idNumber) : null);
    b[4]!.plain(v.seal("address", p.address));
    b[5]!.num(p.createdAt);
    b[6]!.num(p.createdAt);
    const f = this.f;
    f[0]!.plain(p.id);
    f[1]!.plain(v.seal("phone", p.phone));
    f[2]!.plain(v.blindIndex("phone", p.phone));
    f[3]!.num(p.createdAt);
    f[4]!.num(p.createdAt);
    this.persons++;
  }

  /** Column order as in ALERT_COLUMNS. */
  addAlert(a: AlertRow): void {
    const b = this.a;
    let k = 0;
    b[k++]!.plain(a.id);
    b[k++]!.plain(a.districtId);
    b[k++]!.plain(a.stationId);
    b[k++]!.plain(a.sourceId);
    b[k++]!.text(a.externalId);
    b[k++]!.plain(a.payloadHash);
    b[k++]!.plain(a.personId);
    b[k++]!.plain(this.vault.seal("phone", a.phone));
    b[k++]!.plain(this.vault.blindIndex("phone", a.phone));
    b[k++]!.plain(a.address ? this.vault.seal("address", a.address) : null);
    b[k++]!.plain(a.riskLevel);
    b[k++]!.plain(a.fraudType);
    b[k++]!.plain(a.status);
    b[k++]!.plain(a.outcome);
    b[k++]!.num(a.detectedAt);
    b[k++]!.num(a.receivedAt);
    b[k++]!.num(a.firstContactDeadline);
    b[k++]!.num(a.firstContactAt ?? NaN);
    b[k++]!.textArrayCell(a.callerNumbers);
    b[k++]!.textArrayCell(a.appNames);
    b[k++]!.textArrayCell(a.urls);
    b[k++]!.textArrayCell(a.suspectAccounts);
    b[k++]!.plain(a.amountInTransferFen);
    b[k++]!.plain(a.lossFen);
    b[k++]!.plain(a.assigneeId);
    b[k++]!.num(a.claimedAt ?? NaN);
    b[k++]!.num(a.closedAt ?? NaN);
    b[k++]!.plain(a.closedById);
    b[k++]!.plain(a.joinedAlertId);
    this.alerts++;
    this.statusCounts[a.status]++;
  }

  addAttempt(r: AttemptRow): void {
    const b = this.c;
    b[0]!.plain(r.id);
    b[1]!.plain(r.alertId);
    b[2]!.plain(r.userId);
    b[3]!.plain(r.channel);
    b[4]!.plain(r.result);
    b[5]!.text(r.note);
    b[6]!.num(r.attemptedAt);
    b[7]!.num(r.attemptedAt);
    this.attempts++;
  }

  /** The parameters of BATCH_SQL. */
  params(cityId: string): string[] {
    const finish = (list: LiteralBuilder[]) => list.map((b) => b.finish());
    return [...finish(this.p), cityId, ...finish(this.f), cityId, ...finish(this.a), cityId, ...finish(this.c), cityId];
  }
}

/** Encodes the batch up front (synchronously) and returns a runner that writes it. */
export function prepareBatch(batch: Batch, cityId: string): (client: Queryable) => Promise<void> {
  const params = batch.params(cityId);
  return async (client) => {
    await client.query(BATCH_SQL, params);
  };
}
