// A batch of generated rows (persons and their phones, their alerts, the alerts' contact
// attempts, and the alerts' instructions with their timelines, overdue marks, supervision notices,
// the alerts' DISPATCHED events and the notifications still unread), encoded as it is generated
// into one Postgres array literal per column (see LiteralBuilder: no per-row object or string
// outlives its row, which keeps the garbage collector out of the way at a million alerts), and
// written with ONE statement:
//   WITH q0 AS (INSERT INTO person … SELECT … FROM unnest($1::uuid[], …)),
//        q1 AS (INSERT INTO person_phone …),
//        q2 AS (INSERT INTO alert  … SELECT … FROM unnest(…)), …
//   INSERT INTO notification … SELECT … FROM unnest(…)
// Personal data is sealed and indexed as it is encoded, exactly as the console stores it.
// so a batch costs one round trip and is atomic without BEGIN/COMMIT. Foreign keys are checked
// at the end of the statement, when every set of rows exists.
import type { AlertStatus } from "@/prisma/generated/client/enums";
import type { AlertRow, AttemptRow } from "./alerts";
import { LiteralBuilder, unnestInsertSql, type ColumnSpec, type Queryable } from "./db";
import type { NotificationRow, Story } from "./instruction-story";
import type { InstructionSink } from "./instructions";
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

const INSTRUCTION_COLUMNS: readonly ColumnSpec[] = [
  ["id", "uuid[]"], ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["alert_id", "uuid[]"], ["kind", '"InstructionKind"[]'],
  ["risk_level", '"RiskLevel"[]'], ["status", '"InstructionStatus"[]'], ["issuer_unit_id", "uuid[]"], ["issued_by_id", "uuid[]"],
  ["note", "text[]"], tsColumn("issued_at"), tsColumn("routed_at"), tsColumn("sign_off_deadline"), tsColumn("feedback_deadline"),
  tsColumn("escalate_at"), tsColumn("sign_off_overdue_at"), tsColumn("feedback_overdue_at"), tsColumn("escalated_at"),
  tsColumn("next_reminder_at"), tsColumn("signed_off_at"), ["signed_off_by_id", "uuid[]"], ["team", "jsonb[]"], tsColumn("checked_in_at"),
  ["check_in_location", "text[]"], ["visit_attempts", "int4[]"], ["decline_reason", '"DeclineReason"[]'], ["suggested_station_id", "uuid[]"],
  ["declined_from_station_id", "uuid[]"], ["feedback_draft", "jsonb[]"], tsColumn("feedback_draft_at"), ["feedback_outcome", '"FeedbackOutcome"[]'],
  ["met_person", "bool[]"], textArrayColumn("checks"), ["loss_avoided_fen", "int8[]"], ["loss_fen", "int8[]"], ["feedback_note", "text[]"],
  tsColumn("reported_at"), ["reported_by_id", "uuid[]"], tsColumn("closed_at"), ["closed_by_id", "uuid[]"], tsColumn("follow_up_due_at"),
  ["version", "int4[]"],
];
const EVENT_COLUMNS: readonly ColumnSpec[] = [
  ["instruction_id", "uuid[]"], tsColumn("at"), ["user_id", "uuid[]"], ["kind", '"InstructionEventKind"[]'], ["unit_id", "uuid[]"],
  ["text", "text[]"], ["data", "jsonb[]"],
];
const OVERDUE_COLUMNS: readonly ColumnSpec[] = [
  ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["instruction_id", "uuid[]"], ["kind", '"OverdueKind"[]'], tsColumn("deadline"), tsColumn("marked_at"),
];
const NOTICE_COLUMNS: readonly ColumnSpec[] = [
  ["district_id", "uuid[]"], ["station_id", "uuid[]"], ["instruction_id", "uuid[]"], tsColumn("raised_at"), tsColumn("reply_required_at"),
  ["reply_required_by_id", "uuid[]"], ["reply", "text[]"], tsColumn("replied_at"), ["replied_by_id", "uuid[]"], ["version", "int4[]"],
];
const ALERT_EVENT_COLUMNS: readonly ColumnSpec[] = [["alert_id", "uuid[]"], tsColumn("at"), ["user_id", "uuid[]"], ["data", "jsonb[]"]];
const NOTIFICATION_COLUMNS: readonly ColumnSpec[] = [["user_id", "uuid[]"], ["kind", '"NotificationKind"[]'], ["instruction_id", "uuid[]"], tsColumn("created_at")];

/** The tables of a batch, in insert order; each group of parameters ends with the city id. */
const GROUPS: readonly { table: string; columns: readonly ColumnSpec[]; constants?: Record<string, string> }[] = [
  { table: "person", columns: PERSON_COLUMNS },
  { table: "person_phone", columns: PHONE_COLUMNS },
  { table: "alert", columns: ALERT_COLUMNS },
  { table: "contact_attempt", columns: ATTEMPT_COLUMNS },
  { table: "instruction", columns: INSTRUCTION_COLUMNS },
  { table: "instruction_event", columns: EVENT_COLUMNS },
  { table: "instruction_overdue", columns: OVERDUE_COLUMNS },
  { table: "supervision_notice", columns: NOTICE_COLUMNS },
  { table: "alert_event", columns: ALERT_EVENT_COLUMNS, constants: { kind: `'DISPATCHED'` } },
  { table: "notification", columns: NOTIFICATION_COLUMNS },
];

function batchSql(): string {
  let offset = 0;
  const statements = GROUPS.map(({ table, columns, constants }) => {
    const sql = unnestInsertSql(table, columns, { ...constants, city_id: `$${offset + columns.length + 1}::uuid` }, offset);
    offset += columns.length + 1;
    return sql;
  });
  const last = statements.pop()!;
  return `WITH ${statements.map((sql, i) => `"q${i}" AS (${sql})`).join(", ")} ${last}`;
}

export const BATCH_SQL = batchSql();

const builders = (specs: readonly ColumnSpec[]) => specs.map(() => new LiteralBuilder());

const NULL_TIME = NaN;
const time = (v: number | null) => (v === null ? NULL_TIME : v);
const bool = (v: boolean | null) => (v === null ? null : v ? "t" : "f");

export class Batch implements InstructionSink {
  constructor(private readonly vault: Vault) {}
  private readonly p = builders(PERSON_COLUMNS);
  private readonly f = builders(PHONE_COLUMNS);
  private readonly a = builders(ALERT_COLUMNS);
  private readonly c = builders(ATTEMPT_COLUMNS);
  private readonly i = builders(INSTRUCTION_COLUMNS);
  private readonly e = builders(EVENT_COLUMNS);
  private readonly o = builders(OVERDUE_COLUMNS);
  private readonly n = builders(NOTICE_COLUMNS);
  private readonly ae = builders(ALERT_EVENT_COLUMNS);
  private readonly u = builders(NOTIFICATION_COLUMNS);
  persons = 0;
  alerts = 0;
  attempts = 0;
  readonly statusCounts: Record<AlertStatus, number> = { NEW: 0, CLAIMED: 0, CLOSED: 0, JOINED: 0 };
  readonly instructionCounts = { instructions: 0, open: 0, events: 0, overdues: 0, notices: 0, notifications: 0 };

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

  /** One instruction, its timeline, overdue marks, notice, the alert's DISPATCHED event and its unread notifications. */
  addStory(story: Story, notifications: readonly NotificationRow[]): void {
    const r = story.instruction;
    const b = this.i;
    let k = 0;
    b[k++]!.plain(r.id);
    b[k++]!.plain(r.districtId);
    b[k++]!.plain(r.stationId);
    b[k++]!.plain(r.alertId);
    b[k++]!.plain(r.kind);
    b[k++]!.plain(r.riskLevel);
    b[k++]!.plain(r.status);
    b[k++]!.plain(r.issuerUnitId);
    b[k++]!.plain(r.issuedById);
    b[k++]!.text(r.note);
    b[k++]!.num(r.issuedAt);
    b[k++]!.num(r.routedAt);
    b[k++]!.num(r.signOffDeadline);
    b[k++]!.num(r.feedbackDeadline);
    b[k++]!.num(r.escalateAt);
    b[k++]!.num(time(r.signOffOverdueAt));
    b[k++]!.num(time(r.feedbackOverdueAt));
    b[k++]!.num(time(r.escalatedAt));
    b[k++]!.num(time(r.nextReminderAt));
    b[k++]!.num(time(r.signedOffAt));
    b[k++]!.plain(r.signedOffById);
    b[k++]!.text(r.team ? JSON.stringify(r.team) : null);
    b[k++]!.num(time(r.checkedInAt));
    b[k++]!.text(r.checkInLocation);
    b[k++]!.num(r.visitAttempts);
    b[k++]!.plain(r.declineReason);
    b[k++]!.plain(r.suggestedStationId);
    b[k++]!.plain(r.declinedFromStationId);
    b[k++]!.text(r.feedbackDraft ? JSON.stringify(r.feedbackDraft) : null);
    b[k++]!.num(time(r.feedbackDraftAt));
    b[k++]!.plain(r.feedbackOutcome);
    b[k++]!.plain(bool(r.feedback?.metPerson ?? null));
    b[k++]!.textArrayCell(r.feedback?.checks ?? []);
    b[k++]!.plain(r.feedback?.lossAvoidedFen ?? null);
    b[k++]!.plain(r.feedback?.lossFen ?? null);
    b[k++]!.text(r.feedback?.note ?? null);
    b[k++]!.num(time(r.reportedAt));
    b[k++]!.plain(r.reportedById);
    b[k++]!.num(time(r.closedAt));
    b[k++]!.plain(r.closedById);
    b[k++]!.num(time(r.followUpDueAt));
    b[k++]!.num(r.version);
    this.instructionCounts.instructions++;
    if (r.status !== "CLOSED" && r.status !== "CANCELLED") this.instructionCounts.open++;

    for (const ev of story.events) {
      const e = this.e;
      e[0]!.plain(ev.instructionId);
      e[1]!.num(ev.at);
      e[2]!.plain(ev.userId);
      e[3]!.plain(ev.kind);
      e[4]!.plain(ev.unitId);
      e[5]!.text(ev.text);
      e[6]!.text(ev.data);
      if (ev.kind === "ISSUED") {
        // The alert's own timeline names the instruction sent about it.
        const a = this.ae;
        a[0]!.plain(r.alertId);
        a[1]!.num(ev.at);
        a[2]!.plain(ev.userId);
        a[3]!.text(JSON.stringify({ instructionId: r.id, kind: r.kind, unitId: ev.unitId }));
      }
    }
    this.instructionCounts.events += story.events.length;
    for (const ov of story.overdues) {
      const o = this.o;
      o[0]!.plain(ov.districtId);
      o[1]!.plain(ov.stationId);
      o[2]!.plain(ov.instructionId);
      o[3]!.plain(ov.kind);
      o[4]!.num(ov.deadline);
      o[5]!.num(ov.markedAt);
    }
    this.instructionCounts.overdues += story.overdues.length;
    const notice = story.notice;
    if (notice) {
      const n = this.n;
      n[0]!.plain(notice.districtId);
      n[1]!.plain(notice.stationId);
      n[2]!.plain(notice.instructionId);
      n[3]!.num(notice.raisedAt);
      n[4]!.num(time(notice.replyRequiredAt));
      n[5]!.plain(notice.replyRequiredById);
      n[6]!.text(notice.reply);
      n[7]!.num(time(notice.repliedAt));
      n[8]!.plain(notice.repliedById);
      n[9]!.num(notice.version);
      this.instructionCounts.notices++;
    }
    for (const note of notifications) {
      const u = this.u;
      u[0]!.plain(note.userId);
      u[1]!.plain(note.kind);
      u[2]!.plain(note.instructionId);
      u[3]!.num(note.createdAt);
    }
    this.instructionCounts.notifications += notifications.length;
  }

  /** The parameters of BATCH_SQL. */
  params(cityId: string): string[] {
    const groups = [this.p, this.f, this.a, this.c, this.i, this.e, this.o, this.n, this.ae, this.u];
    return groups.flatMap((list) => [...list.map((b) => b.finish()), cityId]);
  }
}

/** Encodes the batch up front (synchronously) and returns a runner that writes it. */
export function prepareBatch(batch: Batch, cityId: string): (client: Queryable) => Promise<void> {
  const params = batch.params(cityId);
  return async (client) => {
    await client.query(BATCH_SQL, params);
  };
}
