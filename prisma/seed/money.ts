// The money work of a seeded city: a case for every alert closed as 已被骗 (alert.case_id set),
// its transfers, stop/freeze/renew/unfreeze/return requests and return entries as planned by
// money-plan.ts, and the written "now" stories (money-stories.ts) on their alerts. The alerts are
// read once, everything is planned in memory and written in one transaction with a few batched
// unnest() statements per table; the triggers do the rest as in the app (bank_return adds to the
// transfers' and cases' returned totals, a completed stop counts in account_stop).
//
// Size: ≈ 3 % of the alerts become cases with ≈ 7 requests each (1M alerts → ≈ 30k cases,
// ≈ 200k requests); `moneyFactor` multiplies the level-1 transfers per case, and with them the
// requests, for a benchmark that wants larger money tables.
import type pg from "pg";
import type { BankRequestStatus, FraudType } from "@/prisma/generated/client/enums";
import type { Vault } from "../../lib/pii/sealing";
import type { StoryAlertRef } from "./alerts";
import type { BankRow } from "./banks";
import { inTransaction, LiteralBuilder, unnestInsertSql, type ColumnSpec } from "./db";
import { MoneyPlanner, type CaseInput, type CaseRow, type RequestRow, type ReturnRow, type TransferRow } from "./money-plan";
import { MONEY_STORIES } from "./money-stories";
import type { OrgLayout } from "./org-units";
import type { DemoUsers } from "./users";

export interface MoneyCounts {
  cases: number;
  transfers: number;
  bankRequests: number;
  bankRequestsByStatus: Record<BankRequestStatus, number>;
  bankReturns: number;
}

export interface MoneyOptions {
  cityId: string;
  now: number;
  seed: number;
  layout: OrgLayout;
  users: DemoUsers;
  banks: readonly BankRow[];
  vault: Vault;
  noticeAgency: string;
  /** The alerts the generator made for the written stories, by story. */
  storyAlerts: readonly (StoryAlertRef | undefined)[];
  moneyFactor: number;
}

/** Rows per INSERT statement. */
const CHUNK = 20_000;

export async function seedMoney(client: pg.Client, o: MoneyOptions): Promise<MoneyCounts> {
  const storyAlertIds = o.storyAlerts.flatMap((s) => (s ? [s.alertId] : []));
  const inputs = await loadCaseInputs(client, o.cityId, storyAlertIds);
  const planner = new MoneyPlanner({
    seed: o.seed,
    now: o.now,
    banks: o.banks,
    vault: o.vault,
    noticeAgency: o.noticeAgency,
    regionCodes: new Map(o.layout.districts.map((d) => [d.id, d.regionCode])),
    cityRegionCode: `${o.layout.districts[0]!.regionCode.slice(0, 4)}00`,
    leaderId: o.users.leader.id,
    liaisonsByBank: new Map([...o.users.liaisonsByBank].map(([bankId, user]) => [bankId, user.id])),
    moneyFactor: o.moneyFactor,
  });
  for (const input of inputs) planner.planCase(input);
  MONEY_STORIES.forEach((story, i) => {
    const ref = o.storyAlerts[i];
    if (ref) planner.planStory(story, ref, i, o.users.analysts[0]!.id);
  });
  planner.markPastExpiryReminders();

  await inTransaction(client, async () => {
    await insertRows(client, "fraud_case", CASE_COLUMNS, planner.cases, o.cityId);
    await client.query(`UPDATE "alert" a SET "case_id" = fc."id" FROM "fraud_case" fc WHERE fc."alert_id" = a."id" AND fc."city_id" = $1::uuid AND a."city_id" = $1::uuid`, [o.cityId]);
    await insertRows(client, "case_transfer", TRANSFER_COLUMNS, planner.transfers, o.cityId);
    await insertRows(client, "bank_request", REQUEST_COLUMNS, planner.requests, o.cityId);
    await insertRows(client, "bank_return", RETURN_COLUMNS, planner.returns, o.cityId);
  });

  const byStatus: Record<BankRequestStatus, number> = { AWAITING_APPROVAL: 0, SENT: 0, ACCEPTED: 0, COMPLETED: 0, REFUSED: 0, CANCELLED: 0 };
  for (const r of planner.requests) byStatus[r.status]++;
  return {
    cases: planner.cases.length,
    transfers: planner.transfers.length,
    bankRequests: planner.requests.length,
    bankRequestsByStatus: byStatus,
    bankReturns: planner.returns.length,
  };
}

/** The city's alerts closed as 已被骗 (but the stories'), oldest report first: the order the two-stops rule is kept in. */
async function loadCaseInputs(client: pg.Client, cityId: string, storyAlertIds: readonly string[]): Promise<CaseInput[]> {
  const { rows } = await client.query<{
    id: string; external_id: string; person_id: string; district_id: string | null; station_id: string | null; fraud_type: FraudType;
    closed_ms: string; closed_by_id: string; loss_fen: string; suspect_accounts: string[];
  }>(
    `SELECT "id", "external_id", "person_id", "district_id", "station_id", "fraud_type", (extract(epoch FROM "closed_at") * 1000)::int8 AS closed_ms,
       "closed_by_id", "loss_fen", "suspect_accounts"
     FROM "alert" WHERE "city_id" = $1::uuid AND "outcome" = 'DEFRAUDED' AND "id" <> ALL($2::uuid[])
     ORDER BY "closed_at", "external_id"`,
    [cityId, storyAlertIds],
  );
  return rows.map((r) => ({
    alertId: r.id, externalId: r.external_id, personId: r.person_id, districtId: r.district_id, stationId: r.station_id, fraudType: r.fraud_type,
    reportedAt: Number(r.closed_ms), analystId: r.closed_by_id, lossFen: Number(r.loss_fen), suspectAccounts: r.suspect_accounts,
  }));
}

// ── Batched inserts: one array literal per column (db.ts), CHUNK rows per statement ──

type Cell = string | number | boolean | null;
type ColumnType = "uuid" | "text" | "int" | "ts" | "bool" | "jsonb" | "date" | { enum: string };

interface Column<R> {
  name: string;
  type: ColumnType;
  value: (row: R) => Cell;
}

const col = <R>(name: string, type: ColumnType, value: (row: R) => Cell): Column<R> => ({ name, type, value });

function spec<R>(c: Column<R>): ColumnSpec {
  const t = c.type;
  if (typeof t === "object") return [c.name, `"${t.enum}"[]`];
  switch (t) {
    case "ts": return [c.name, "int8[]", `timestamptz 'epoch' + t."${c.name}" * interval '1 millisecond'`];
    case "int": return [c.name, "int8[]"];
    default: return [c.name, `${t}[]`];
  }
}

function encode(builder: LiteralBuilder, type: ColumnType, v: Cell): void {
  if (typeof type === "object" || type === "uuid" || type === "date") return builder.plain(v as string | null);
  switch (type) {
    case "int":
    case "ts": return builder.num(v === null ? NaN : (v as number));
    case "bool": return builder.plain(v === null ? null : v ? "t" : "f");
    default: return builder.text(v as string | null);
  }
}

async function insertRows<R>(client: pg.Client, table: string, columns: readonly Column<R>[], rows: readonly R[], cityId: string): Promise<void> {
  const sql = unnestInsertSql(table, columns.map(spec), { city_id: `$${columns.length + 1}::uuid` });
  for (let start = 0; start < rows.length; start += CHUNK) {
    const builders = columns.map(() => new LiteralBuilder());
    for (let i = start; i < Math.min(rows.length, start + CHUNK); i++) {
      const row = rows[i]!;
      columns.forEach((c, k) => encode(builders[k]!, c.type, c.value(row)));
    }
    await client.query(sql, [...builders.map((b) => b.finish()), cityId]);
  }
}

const CASE_COLUMNS: readonly Column<CaseRow>[] = [
  col("id", "uuid", (r) => r.id), col("district_id", "uuid", (r) => r.districtId), col("station_id", "uuid", (r) => r.stationId),
  col("alert_id", "uuid", (r) => r.alertId), col("person_id", "uuid", (r) => r.personId), col("loss_fen", "int", (r) => r.lossFen),
  col("status", { enum: "CaseStatus" }, (r) => r.status), col("case_number", "text", (r) => r.caseNumber), col("filed_at", "ts", (r) => r.filedAt),
  col("reported_at", "ts", (r) => r.reportedAt), col("opened_at", "ts", (r) => r.reportedAt), col("opened_by_id", "uuid", (r) => r.openedById),
];

const TRANSFER_COLUMNS: readonly Column<TransferRow>[] = [
  col("id", "uuid", (r) => r.id), col("case_id", "uuid", (r) => r.caseId), col("parent_id", "uuid", (r) => r.parentId), col("level", "int", (r) => r.level),
  col("victim_person_id", "uuid", (r) => r.victimPersonId), col("from_account_sealed", "text", (r) => r.fromAccountSealed),
  col("from_account_last4", "text", (r) => r.fromAccountLast4), col("bank_id", "uuid", (r) => r.bank.id),
  col("account_sealed", "text", (r) => r.account.sealed), col("account_index", "text", (r) => r.account.index),
  col("account_last4", "text", (r) => r.account.last4), col("holder_sealed", "text", (r) => r.account.holderSealed),
  col("amount_fen", "int", (r) => r.amountFen), col("transferred_at", "ts", (r) => r.transferredAt),
  col("stopped_fen", "int", (r) => r.stoppedFen), col("stop_ends_at", "ts", (r) => r.stopEndsAt),
  col("frozen_fen", "int", (r) => r.frozenFen), col("freeze_ends_at", "ts", (r) => r.freezeEndsAt),
  col("created_by_id", "uuid", (r) => r.createdById), col("created_at", "ts", (r) => r.createdAt),
];

const REQUEST_COLUMNS: readonly Column<RequestRow>[] = [
  col("id", "uuid", (r) => r.id), col("district_id", "uuid", (r) => r.districtId), col("station_id", "uuid", (r) => r.stationId),
  col("case_id", "uuid", (r) => r.caseId), col("alert_id", "uuid", (r) => r.alertId), col("transfer_id", "uuid", (r) => r.transferId),
  col("bank_id", "uuid", (r) => r.bank.id), col("parent_request_id", "uuid", (r) => r.parentRequestId),
  col("kind", { enum: "BankRequestKind" }, (r) => r.kind), col("status", { enum: "BankRequestStatus" }, (r) => r.status),
  col("via_desk", "bool", (r) => r.viaDesk), col("account_sealed", "text", (r) => r.account.sealed), col("account_index", "text", (r) => r.account.index),
  col("account_last4", "text", (r) => r.account.last4), col("holder_sealed", "text", (r) => r.account.holderSealed),
  col("amount_fen", "int", (r) => r.amountFen), col("term_months", "int", (r) => r.termMonths), col("reply_by", "ts", (r) => r.replyBy),
  col("filed_at", "ts", (r) => r.filedAt), col("filed_by_id", "uuid", (r) => r.filedById), col("notice_number", "text", (r) => r.noticeNumber),
  col("approved_by_id", "uuid", (r) => r.approvedById), col("approved_at", "ts", (r) => r.approvedAt),
  col("return_mode", { enum: "ReturnMode" }, (r) => r.returnMode), col("return_to_sealed", "text", (r) => r.returnToSealed),
  col("return_to_last4", "text", (r) => r.returnToLast4), col("accepted_at", "ts", (r) => r.acceptedAt), col("accepted_by_id", "uuid", (r) => r.acceptedById),
  col("answered_at", "ts", (r) => r.answeredAt), col("answered_by_id", "uuid", (r) => r.answeredById), col("result_fen", "int", (r) => r.resultFen),
  col("effective_at", "ts", (r) => r.effectiveAt), col("ends_at", "ts", (r) => r.endsAt), col("balance_fen", "int", (r) => r.balanceFen),
  col("earlier_freezes", "jsonb", (r) => r.earlierFreezes), col("answer_note", "text", (r) => r.answerNote),
  col("reply_reminded_at", "ts", (r) => r.replyRemindedAt), col("expiry_reminded_at", "ts", (r) => r.expiryRemindedAt),
];

const RETURN_COLUMNS: readonly Column<ReturnRow>[] = [
  col("request_id", "uuid", (r) => r.requestId), col("case_id", "uuid", (r) => r.caseId), col("transfer_id", "uuid", (r) => r.transferId),
  col("amount_fen", "int", (r) => r.amountFen), col("returned_on", "date", (r) => r.returnedOn), col("receipt_number", "text", (r) => r.receiptNumber),
  col("recorded_by_id", "uuid", (r) => r.recordedById), col("recorded_at", "ts", (r) => r.recordedAt),
];
