// The seeded money work (the test template: 2,000 alerts in 江州, 200 in 临川): every case's
// totals and holdings obey the rules, the two-stops rule holds across cases, requests carry the
// deadlines, approvals and sealed accounts the domain expects, and every money role lands on
// work — each desk bank's liaison has open requests in each city, the leader has approvals to
// give, the analyst an answer to record; the same seed makes the same money.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { isValidBankCard } from "@/lib/pii/bank-card";
import { vault } from "@/lib/server/pii/vault";
import { createDatabase, withDatabase } from "../../../scripts/lib/postgres.mjs";
import { openTestDatabase, type TestDatabase } from "../../support/test-database";

const template: TestDatabase = await openTestDatabase("demo");

const count = async (sql: TemplateStringsArray, ...values: unknown[]) => Number((await db.$queryRaw<{ n: bigint }[]>(sql, ...values))[0]!.n);
const MIN = 60_000;

describe("cases and transfers", () => {
  it("every alert closed as 已被骗 has its case, reported by its closing; its transfers came before and add up to no more than the loss", async () => {
    expect(await count`SELECT count(*) AS n FROM alert WHERE outcome = 'DEFRAUDED' AND case_id IS NULL`).toBe(0);
    // Reported when the alert closed (a written story's case a little before: its alert closed once the door visit's feedback was reviewed).
    expect(await count`SELECT count(*) AS n FROM alert a JOIN fraud_case fc ON fc.id = a.case_id
      WHERE fc.city_id <> a.city_id OR fc.reported_at < a.detected_at
        OR (a.outcome = 'DEFRAUDED' AND (fc.alert_id <> a.id OR fc.reported_at > a.closed_at OR fc.loss_fen <> a.loss_fen))`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM alert a JOIN fraud_case fc ON fc.id = a.case_id WHERE fc.reported_at <> a.closed_at`).toBeLessThan(10);
    expect(await count`SELECT count(*) AS n FROM fraud_case fc WHERE NOT EXISTS (SELECT 1 FROM alert a WHERE a.case_id = fc.id)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM case_transfer t JOIN fraud_case fc ON fc.id = t.case_id
      WHERE t.city_id <> fc.city_id OR (t.level = 1 AND t.transferred_at >= fc.reported_at) OR t.victim_person_id <> fc.person_id`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM fraud_case fc WHERE fc.loss_fen < (SELECT coalesce(sum(amount_fen), 0) FROM case_transfer WHERE case_id = fc.id AND level = 1)`).toBe(0);
    // Most cases have transfers, and some money moved on to a second and a third level.
    const cases = await count`SELECT count(*) AS n FROM fraud_case`;
    expect(await count`SELECT count(DISTINCT case_id) AS n FROM case_transfer`).toBeGreaterThan(cases * 0.8);
    expect(await count`SELECT count(*) AS n FROM case_transfer WHERE level = 3`).toBeGreaterThan(0);
    // A case is 立案 with its number, or still open.
    expect(await count`SELECT count(*) AS n FROM fraud_case WHERE status = 'FILED'`).toBeGreaterThan(cases / 2);
  });

  it("every case's returned total is the sum of its return entries, and money came back", async () => {
    expect(await count`SELECT count(*) AS n FROM fraud_case fc WHERE fc.returned_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM bank_return WHERE case_id = fc.id)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM case_transfer t WHERE t.returned_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM bank_return WHERE transfer_id = t.id)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM fraud_case WHERE returned_fen > 0`).toBeGreaterThan(5);
    // An entry belongs to a completed return of its transfer and case.
    expect(await count`SELECT count(*) AS n FROM bank_return e JOIN bank_request r ON r.id = e.request_id
      WHERE r.kind <> 'RETURN' OR r.status <> 'COMPLETED' OR r.transfer_id <> e.transfer_id OR r.case_id <> e.case_id OR e.returned_on > (r.answered_at AT TIME ZONE 'Asia/Shanghai')::date`).toBe(0);
  });

  it("no transfer holds more than it sent; the money that moved on never exceeds what was not stopped", async () => {
    expect(await count`SELECT count(*) AS n FROM case_transfer WHERE stopped_fen > amount_fen OR frozen_fen > amount_fen OR returned_fen > greatest(stopped_fen, frozen_fen)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM case_transfer p WHERE (SELECT coalesce(sum(amount_fen), 0) FROM case_transfer c WHERE c.parent_id = p.id) > p.amount_fen - p.stopped_fen`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM case_transfer c JOIN case_transfer p ON p.id = c.parent_id
      WHERE c.level <> p.level + 1 OR c.case_id <> p.case_id OR c.transferred_at <= p.transferred_at OR c.from_account_sealed <> p.account_sealed`).toBe(0);
    // The bank named the next accounts in its answer to the parent's stop, which the next stop followed.
    expect(await count`SELECT count(*) AS n FROM case_transfer c JOIN bank_request s ON s.transfer_id = c.parent_id AND s.kind = 'STOP'
      JOIN bank_request n ON n.transfer_id = c.id AND n.kind = 'STOP'
      WHERE s.status <> 'COMPLETED' OR c.transferred_at >= s.answered_at OR n.parent_request_id IS DISTINCT FROM s.id OR n.filed_at < s.answered_at`).toBe(0);
    // What the transfer holds is what its last completed stop and freeze did.
    expect(await count`SELECT count(*) AS n FROM case_transfer t JOIN LATERAL (
        SELECT result_fen, ends_at FROM bank_request WHERE transfer_id = t.id AND kind = 'STOP' AND status = 'COMPLETED' AND result_fen > 0
        ORDER BY answered_at DESC LIMIT 1) s ON true
      WHERE t.stopped_fen <> s.result_fen OR t.stop_ends_at <> s.ends_at`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM case_transfer t WHERE t.frozen_fen > 0 AND t.frozen_fen <> (
        SELECT result_fen FROM bank_request WHERE transfer_id = t.id AND kind = 'FREEZE' AND status = 'COMPLETED' ORDER BY answered_at DESC LIMIT 1)`).toBe(0);
  });

  it("no account has more than two effective stops, across cases, and account_stop counts them", async () => {
    const rows = await db.$queryRaw<{ account_index: string; stops: bigint; counted: number | null }[]>`
      SELECT r.account_index, count(*) AS stops, (SELECT stops FROM account_stop s WHERE s.account_index = r.account_index) AS counted
      FROM bank_request r WHERE r.kind = 'STOP' AND r.status = 'COMPLETED' AND r.result_fen > 0 GROUP BY r.account_index`;
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(Number(r.stops), r.account_index).toBeLessThanOrEqual(2);
      expect(r.counted, r.account_index).toBe(Number(r.stops));
    }
    expect(await count`SELECT count(*) AS n FROM account_stop`).toBe(rows.length);
    // The third stop on an account is refused, in each city (the written story).
    expect(await count`SELECT count(DISTINCT r.city_id) AS n FROM bank_request r JOIN account_stop s ON s.account_index = r.account_index AND s.stops = 2
      WHERE r.kind = 'STOP' AND r.status = 'REFUSED' AND r.answer_note LIKE '%两次%'
        AND r.answered_at > (SELECT max(answered_at) FROM bank_request p WHERE p.account_index = r.account_index AND p.kind = 'STOP' AND p.status = 'COMPLETED')`).toBe(2);
  });
});

describe("bank requests", () => {
  it("reply by the rules: stops 30 minutes, freezes 24 hours, returns 3 working days; from the approval when one is needed", async () => {
    const rows = await db.$queryRaw<{ kind: string; minutes: number; n: bigint }[]>`
      SELECT kind::text, round(extract(epoch FROM reply_by - coalesce(approved_at, filed_at)) / 60)::int AS minutes, count(*) AS n
      FROM bank_request WHERE kind <> 'RETURN' GROUP BY 1, 2`;
    const expected: Record<string, number> = { STOP: 30, PROTECTIVE_STOP: 30, FREEZE: 1440, RENEW: 1440, UNFREEZE: 1440 };
    for (const r of rows) expect(r.minutes, r.kind).toBe(expected[r.kind]);
    // Three working days (Monday to Friday) after the approval's day, at midnight Shanghai time.
    const returns = await db.bankRequest.findMany({ where: { kind: "RETURN", approvedAt: { not: null } }, select: { approvedAt: true, replyBy: true } });
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) {
      const days = (r.replyBy.getTime() - r.approvedAt!.getTime()) / (24 * 60 * MIN);
      expect(days).toBeGreaterThan(3 - 1);
      expect(days).toBeLessThanOrEqual(6);
      expect(new Date(r.replyBy.getTime() + 8 * 60 * MIN).getUTCHours()).toBe(0);
    }
  });

  it("freezes, renewals, unfreezes and returns are approved by the leader, never the filer, with a notice number", async () => {
    const approved = await db.bankRequest.findMany({
      where: { kind: { in: ["FREEZE", "RENEW", "UNFREEZE", "RETURN"] }, status: { notIn: ["AWAITING_APPROVAL", "CANCELLED"] } },
      select: { noticeNumber: true, approvedById: true, filedById: true, kind: true },
    });
    expect(approved.length).toBeGreaterThan(20);
    const leaders = new Set((await db.user.findMany({ where: { role: "SUPERVISOR" }, select: { id: true } })).map((u) => u.id));
    for (const r of approved) {
      expect(r.approvedById).not.toBe(r.filedById);
      expect(leaders.has(r.approvedById!)).toBe(true);
      expect(r.noticeNumber).toMatch(/^赣[江临]公\(反诈\)(冻|续冻|解冻|返还)字〔20\d\d〕\d{4}号$/);
    }
    // Stops go out at once, without approval.
    expect(await count`SELECT count(*) AS n FROM bank_request WHERE kind IN ('STOP', 'PROTECTIVE_STOP') AND (status = 'AWAITING_APPROVAL' OR approved_by_id IS NOT NULL)`).toBe(0);
  });

  it("a stop holds 48 hours from taking effect, a freeze 6 months (renewals extend it); stops are filed within minutes", async () => {
    expect(await count`SELECT count(*) AS n FROM bank_request WHERE kind IN ('STOP', 'PROTECTIVE_STOP') AND result_fen > 0 AND ends_at <> effective_at + interval '48 hours'`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM bank_request WHERE kind = 'FREEZE' AND result_fen > 0
      AND ends_at <> ((effective_at AT TIME ZONE 'Asia/Shanghai') + interval '6 months') AT TIME ZONE 'Asia/Shanghai'`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM bank_request WHERE kind = 'FREEZE' AND status = 'COMPLETED' AND result_fen > 0`).toBeGreaterThan(10);
    const [median] = await db.$queryRaw<{ minutes: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.filed_at - fc.reported_at) / 60) AS minutes
      FROM bank_request r JOIN case_transfer t ON t.id = r.transfer_id JOIN fraud_case fc ON fc.id = r.case_id WHERE r.kind = 'STOP' AND t.level = 1`;
    expect(median!.minutes).toBeGreaterThan(0);
    expect(median!.minutes).toBeLessThan(10);
  });

  it("go via the desk exactly to the banks with a liaison in the city; answers come from the liaison, or the analyst outside the console", async () => {
    expect(await count`SELECT count(*) AS n FROM bank_request r
      WHERE r.via_desk <> EXISTS (SELECT 1 FROM app_user u WHERE u.bank_id = r.bank_id AND u.role = 'BANK_LIAISON' AND u.unit_id = r.city_id)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM bank_request r JOIN app_user u ON u.id = r.answered_by_id
      WHERE CASE WHEN r.via_desk THEN u.bank_id IS DISTINCT FROM r.bank_id ELSE u.role <> 'ANALYST' END`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM bank_request WHERE NOT via_desk AND status = 'COMPLETED'`).toBeGreaterThan(0);
    expect(await count`SELECT count(*) AS n FROM bank_request r JOIN case_transfer t ON t.id = r.transfer_id
      WHERE r.bank_id <> t.bank_id OR r.account_index <> t.account_index OR r.case_id <> t.case_id OR r.city_id <> t.city_id`).toBe(0);
  });

  it("accounts are sealed: bank cards pass the Luhn check, payment institutions' numbers need not; index and last four digits match", async () => {
    const v = vault();
    const transfers = await db.caseTransfer.findMany({
      take: 400, orderBy: { id: "asc" },
      select: { accountSealed: true, accountIndex: true, accountLast4: true, holderSealed: true, bank: { select: { luhnChecked: true, kind: true } } },
    });
    const kinds = new Set<string>();
    for (const t of transfers) {
      const account = v.open("bankAccount", t.accountSealed);
      expect(v.blindIndex("bankAccount", account)).toBe(t.accountIndex);
      expect(account.slice(-4)).toBe(t.accountLast4);
      expect(/^\d{8,30}$/.test(account)).toBe(true);
      if (t.bank.luhnChecked) expect(isValidBankCard(account), account.slice(-4)).toBe(true);
      expect(v.open("accountHolder", t.holderSealed!).length).toBeGreaterThanOrEqual(2);
      kinds.add(t.bank.kind);
    }
    expect(kinds).toEqual(new Set(["BANK", "PAYMENT_INSTITUTION"]));
  });
});

describe("every money role lands on work", () => {
  it("each desk bank's liaison has an open request at its desk, in each city", async () => {
    const liaisons = await db.user.findMany({ where: { role: "BANK_LIAISON" }, select: { username: true, bankId: true, unitId: true } });
    expect(liaisons.length).toBe(14);
    for (const l of liaisons) {
      const open = await db.bankRequest.count({ where: { bankId: l.bankId!, cityId: l.unitId, viaDesk: true, status: { in: ["SENT", "ACCEPTED"] } } });
      expect(open, l.username).toBeGreaterThan(0);
    }
    // The non-desk institutions and the payment institutions get requests too (outside the console).
    const outside = await db.bank.findMany({ where: { users: { none: {} } }, select: { code: true, kind: true, _count: { select: { requests: true } } } });
    expect(outside.map((b) => b.code).sort()).toEqual(["ALIPAY", "CIB", "CITIC", "SPDB", "TENPAY"]);
    for (const b of outside) expect(b._count.requests, b.code).toBeGreaterThan(0);
  });

  it("the leader has freezes and a renewal awaiting approval; analyst1 has a stop outside the console to record", async () => {
    for (const [leader, analyst] of [["leader", "analyst1"], ["lc.leader", "lc.analyst1"]] as const) {
      const city = (await db.user.findUniqueOrThrow({ where: { username: leader }, select: { unitId: true } })).unitId;
      const awaiting = await db.bankRequest.findMany({ where: { cityId: city, status: "AWAITING_APPROVAL" }, select: { kind: true } });
      const kinds = new Set(awaiting.map((r) => r.kind));
      expect(kinds.has("FREEZE") && kinds.has("RENEW"), leader).toBe(true);
      const filer = await db.user.findUniqueOrThrow({ where: { username: analyst }, select: { id: true } });
      expect(await db.bankRequest.count({ where: { filedById: filer.id, viaDesk: false, status: "SENT" } }), analyst).toBeGreaterThan(0);
    }
  });

  it("the demo story: ¥316,819.27 in transit on an open alert, its stop sent minutes before the seed", async () => {
    const transfer = await db.caseTransfer.findFirstOrThrow({
      where: { amountFen: 31_681_927n, fraudCase: { city: { code: "JZ" } } },
      select: { id: true, level: true, bank: { select: { code: true } }, fraudCase: { select: { status: true, alert: { select: { status: true, amountInTransferFen: true, caseId: true } } } } },
    });
    expect(transfer).toMatchObject({ level: 1, bank: { code: "ICBC" }, fraudCase: { status: "OPEN", alert: { status: "CLAIMED", amountInTransferFen: 31_681_927n } } });
    const stop = await db.bankRequest.findFirstOrThrow({ where: { transferId: transfer.id }, select: { kind: true, status: true, viaDesk: true, filedAt: true, replyBy: true } });
    expect(stop).toMatchObject({ kind: "STOP", status: "SENT", viaDesk: true });
    expect(template.seededAt.getTime() - stop.filedAt.getTime()).toBeLessThan(15 * MIN);
    expect(stop.replyBy.getTime()).toBeGreaterThan(template.seededAt.getTime());
  });

  it("live work at the seed: a stop past its reply-by, a stop nearing its 48 hours with no freeze, freezes lapsing within 7 days, protective stops", async () => {
    const at = template.seededAt;
    for (const city of ["JZ", "LC"]) {
      expect(await count`SELECT count(*) AS n FROM bank_request r JOIN org_unit c ON c.id = r.city_id
        WHERE c.code = ${city} AND r.status IN ('SENT', 'ACCEPTED') AND r.reply_by < ${at}`, city).toBeGreaterThan(0);
      expect(await count`SELECT count(*) AS n FROM case_transfer t JOIN org_unit c ON c.id = t.city_id
        WHERE c.code = ${city} AND t.stop_ends_at BETWEEN ${at} AND ${new Date(at.getTime() + 6 * 60 * MIN)}
          AND NOT EXISTS (SELECT 1 FROM bank_request f WHERE f.transfer_id = t.id AND f.kind = 'FREEZE')`, city).toBeGreaterThan(0);
      expect(await count`SELECT count(*) AS n FROM case_transfer t JOIN org_unit c ON c.id = t.city_id
        WHERE c.code = ${city} AND t.frozen_fen > 0 AND t.freeze_ends_at BETWEEN ${at} AND ${new Date(at.getTime() + 7 * 24 * 60 * MIN)}`, city).toBeGreaterThan(0);
    }
    const protective = await db.bankRequest.findMany({
      where: { kind: "PROTECTIVE_STOP" },
      select: { caseId: true, transferId: true, alertId: true, holderSealed: true, status: true, cityId: true },
    });
    expect(protective.length).toBe(4);
    for (const p of protective) {
      expect(p).toMatchObject({ caseId: null, transferId: null });
      // On the warned person's own account, in their name.
      const alert = await db.alert.findUniqueOrThrow({ where: { id: p.alertId! }, select: { status: true, cityId: true, person: { select: { nameSealed: true } } } });
      expect(alert.status).toBe("CLAIMED");
      expect(alert.cityId).toBe(p.cityId);
      expect(vault().open("accountHolder", p.holderSealed!)).toBe(vault().open("name", alert.person.nameSealed));
    }
    expect(new Set(protective.map((p) => p.status))).toEqual(new Set(["SENT", "COMPLETED"]));
  });

  it("coord.d01 and officer.d01s01 have cases in their units; 临川 has cases of its own", async () => {
    const units = Object.fromEntries((await db.orgUnit.findMany({ where: { code: { in: ["D01", "D01S01", "LC"] } }, select: { code: true, id: true } })).map((u) => [u.code, u.id]));
    expect(await db.fraudCase.count({ where: { districtId: units["D01"] } })).toBeGreaterThan(3);
    expect(await db.fraudCase.count({ where: { stationId: units["D01S01"] } })).toBeGreaterThan(1);
    expect(await db.fraudCase.count({ where: { cityId: units["LC"] } })).toBeGreaterThan(3);
    expect(await db.bankRequest.count({ where: { cityId: units["LC"] } })).toBeGreaterThan(10);
    expect(await count`SELECT count(*) AS n FROM bank_request r JOIN fraud_case fc ON fc.id = r.case_id WHERE r.city_id <> fc.city_id OR r.district_id IS DISTINCT FROM fc.district_id`).toBe(0);
  });
});

describe("deterministic", () => {
  it("the same seed and moment make the same money", async () => {
    const now = new Date(template.seededAt.getTime() - 3 * 24 * 60 * MIN);
    const { seedDemoCity } = await import("../../../prisma/seed/seed-demo-city");
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const name = `${inject("runPrefix")}_m${randomBytes(4).toString("hex")}`;
      await createDatabase(inject("adminUrl"), name, { template: inject("emptyTemplate") });
      const url = withDatabase(inject("adminUrl"), name);
      const summary = await seedDemoCity(url, { alerts: 400, now });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const transfers = await client.query(`
          SELECT a.external_id, t.level, b.code, t.account_index, t.amount_fen::text, t.stopped_fen::text, t.frozen_fen::text, t.returned_fen::text
          FROM case_transfer t JOIN fraud_case fc ON fc.id = t.case_id JOIN alert a ON a.id = fc.alert_id JOIN bank b ON b.id = t.bank_id
          ORDER BY 1, 2, 4`);
        const requests = await client.query(`
          SELECT a.external_id, r.kind, r.status, r.account_index, r.amount_fen::text, r.result_fen::text, r.filed_at
          FROM bank_request r JOIN alert a ON a.id = coalesce((SELECT alert_id FROM fraud_case WHERE id = r.case_id), r.alert_id)
          ORDER BY 1, 4, 2, 7`);
        runs.push({ summary: summary.counts, transfers: transfers.rows, requests: requests.rows });
      } finally {
        await client.end();
      }
    }
    expect(runs[0]!.transfers.length).toBeGreaterThan(20);
    expect(runs[1]!.transfers).toEqual(runs[0]!.transfers);
    expect(runs[1]!.requests).toEqual(runs[0]!.requests);
    expect(runs[0]!.summary.bankRequests).toBe(runs[0]!.requests.length);
    expect(runs[0]!.summary.transfers).toBe(runs[0]!.transfers.length);
  });
});
