// The seeded instructions (the test template: 2,000 alerts in 江州, 200 in 临川): consistent with
// their alerts, and every role lands on work — officer.d01s01's station and coord.d01's district
// hold open instructions in every status, overdue ones, an escalated one with its notice, a
// declined one, a re-routed one, and one reported to analyst1; the four desks have unread
// notifications; the rankings have a month of data.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { alertEffectOf } from "@/lib/instructions/feedback-outcome";
import { DEFAULT_DEADLINES } from "@/lib/deadlines/defaults";
import { getRankings } from "@/lib/server/instructions/get-rankings";
import { addMonths, shanghaiMonth } from "@/lib/time";
import type { FeedbackOutcome, RiskLevel } from "@/prisma/generated/client/enums";
import { openTestDatabase, type TestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

const template: TestDatabase = await openTestDatabase("demo");

let units: Record<string, string>;

beforeAll(async () => {
  const rows = await db.orgUnit.findMany({ select: { id: true, code: true } });
  units = Object.fromEntries(rows.map((u) => [u.code, u.id]));
});

const count = async (sql: TemplateStringsArray, ...values: unknown[]) => Number((await db.$queryRaw<{ n: bigint }[]>(sql, ...values))[0]!.n);

describe("every role lands on work", () => {
  it("officer.d01s01's station holds open instructions in every status a station works, some overdue", async () => {
    const open = await db.instruction.findMany({
      where: { stationId: units["D01S01"], status: { in: ["AT_STATION", "SIGNED_OFF", "ON_SITE", "REPORTED"] } },
      select: { id: true, status: true, signOffOverdueAt: true, feedbackOverdueAt: true, escalatedAt: true, issuedById: true },
    });
    expect(new Set(open.map((i) => i.status))).toEqual(new Set(["AT_STATION", "SIGNED_OFF", "ON_SITE", "REPORTED"]));
    const overdue = open.filter((i) => i.signOffOverdueAt || i.feedbackOverdueAt);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const marks = await db.instructionOverdue.count({ where: { instructionId: { in: overdue.map((i) => i.id) }, stationId: units["D01S01"] } });
    expect(marks).toBeGreaterThanOrEqual(overdue.length);
    const escalated = open.find((i) => i.escalatedAt);
    expect(escalated).toBeDefined();
    const notice = await db.supervisionNotice.findUniqueOrThrow({ where: { instructionId: escalated!.id } });
    expect(notice).toMatchObject({ stationId: units["D01S01"], districtId: units["D01"] });
    expect(notice.replyRequiredAt).not.toBeNull();
    const analyst1 = await db.user.findUniqueOrThrow({ where: { username: "analyst1" }, select: { id: true } });
    expect(open.some((i) => i.status === "REPORTED" && i.issuedById === analyst1.id)).toBe(true);
  });

  it("coord.d01's district has one waiting to be forwarded and one declined, waiting for re-routing", async () => {
    const statuses = await db.instruction.findMany({ where: { districtId: units["D01"], stationId: null, status: { in: ["AT_DISTRICT", "DECLINED"] } }, select: { status: true, declinedFromStationId: true, suggestedStationId: true } });
    expect(statuses.some((i) => i.status === "AT_DISTRICT")).toBe(true);
    const declined = statuses.find((i) => i.status === "DECLINED")!;
    expect(declined.declinedFromStationId).toBe(units["D01S01"]);
    expect(declined.suggestedStationId).not.toBeNull();
  });

  it("a re-routed instruction has two station receipts, the first station charged with its late sign-off", async () => {
    // Sent straight to a station that was not the right one: that station is charged, the next one starts afresh.
    const rows = await db.$queryRaw<{ id: string; first: string; second: string; open: boolean }[]>`
      SELECT e1.instruction_id::text AS id, e1.unit_id::text AS first, e2.unit_id::text AS second, i.status <> 'CLOSED' AS open
      FROM instruction_event e1 JOIN instruction_event e2 ON e2.instruction_id = e1.instruction_id AND e2.kind = 'REROUTED'
      JOIN instruction i ON i.id = e1.instruction_id JOIN org_unit u ON u.id = e1.unit_id
      WHERE e1.kind = 'ISSUED' AND u.kind = 'STATION'`;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.open && r.first === units["D01S02"] && r.second === units["D01S01"])).toBe(true);
    for (const r of rows) {
      expect(r.first, r.id).not.toBe(r.second);
      expect(await db.instructionOverdue.count({ where: { instructionId: r.id, kind: "SIGN_OFF", stationId: r.first } }), r.id).toBe(1);
    }
  });

  it("officer.d01s01, coord.d01, analyst1 and leader have unread notifications; every notification stays in its recipient's city", async () => {
    for (const username of ["officer.d01s01", "coord.d01", "analyst1", "leader", "lc.officer.l01s01", "lc.analyst1"]) {
      const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
      expect(await db.notification.count({ where: { userId: user.id, readAt: null } }), username).toBeGreaterThan(0);
    }
    expect(await count`SELECT count(*) AS n FROM notification n JOIN app_user u ON u.id = n.user_id JOIN org_unit o ON o.id = u.unit_id WHERE o.city_id <> n.city_id`).toBe(0);
  });
});

describe("consistent with the alerts", () => {
  it("most high and urgent alerts had a door visit, and every alert with a door-visit attempt had one", async () => {
    const high = await count`SELECT count(*) AS n FROM alert WHERE status = 'CLOSED' AND risk_level IN ('HIGH', 'URGENT') AND station_id IS NOT NULL`;
    const visited = await count`SELECT count(DISTINCT a.id) AS n FROM alert a JOIN instruction i ON i.alert_id = a.id AND i.kind = 'DOOR_VISIT'
      WHERE a.status = 'CLOSED' AND a.risk_level IN ('HIGH', 'URGENT') AND a.station_id IS NOT NULL`;
    expect(visited / high).toBeGreaterThan(0.75);
    expect(await count`SELECT count(*) AS n FROM alert a WHERE EXISTS (SELECT 1 FROM contact_attempt c WHERE c.alert_id = a.id AND c.channel = 'DOOR_VISIT')
      AND NOT EXISTS (SELECT 1 FROM instruction i WHERE i.alert_id = a.id AND i.kind = 'DOOR_VISIT')`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM instruction WHERE kind = 'PHONE_FOLLOW_UP' AND risk_level = 'MEDIUM'`).toBeGreaterThan(0);
  });

  it("a closed alert's last instruction reported what the alert closed as, and the alert closed no earlier", async () => {
    const rows = await db.$queryRaw<{ outcome: string; feedback: FeedbackOutcome; n: bigint }[]>`
      SELECT a.outcome::text AS outcome, i.feedback_outcome AS feedback, count(*) AS n
      FROM alert a JOIN LATERAL (SELECT * FROM instruction WHERE alert_id = a.id ORDER BY issued_at DESC LIMIT 1) i ON true
      WHERE a.status = 'CLOSED' GROUP BY 1, 2`;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(alertEffectOf(r.feedback), `${r.feedback} → ${r.outcome}`).toEqual({ kind: "close", outcome: r.outcome });
    expect(await count`SELECT count(*) AS n FROM alert a JOIN instruction i ON i.alert_id = a.id WHERE a.status = 'CLOSED' AND (i.status <> 'CLOSED' OR i.closed_at > a.closed_at)`).toBe(0);
    // Losses: 已被骗 feedback carries the alert's loss.
    expect(await count`SELECT count(*) AS n FROM alert a JOIN instruction i ON i.alert_id = a.id WHERE i.feedback_outcome = 'DEFRAUDED' AND a.status = 'CLOSED' AND i.loss_fen IS DISTINCT FROM a.loss_fen`).toBe(0);
  });

  it("an on-site check-in stops the alert's first-contact clock at the latest", async () => {
    expect(await count`SELECT count(*) AS n FROM instruction_event e JOIN instruction i ON i.id = e.instruction_id JOIN alert a ON a.id = i.alert_id
      WHERE e.kind = 'CHECKED_IN' AND (a.first_contact_at IS NULL OR a.first_contact_at > e.at)`).toBe(0);
  });

  it("every instruction starts with its dispatch, named on the alert's timeline, and runs in order", async () => {
    expect(await count`SELECT count(*) AS n FROM instruction i WHERE NOT EXISTS (SELECT 1 FROM instruction_event e WHERE e.instruction_id = i.id AND e.kind = 'ISSUED' AND e.at = i.issued_at)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM instruction i WHERE NOT EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = i.alert_id AND e.kind = 'DISPATCHED' AND e.data->>'instructionId' = i.id::text)`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM instruction i JOIN alert a ON a.id = i.alert_id WHERE i.issued_at < a.received_at OR i.issued_at > ${template.seededAt}
      OR i.city_id <> a.city_id OR i.district_id IS DISTINCT FROM (SELECT district_id FROM org_unit WHERE id = COALESCE(i.station_id, i.district_id))`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM instruction_event WHERE at > ${template.seededAt}`).toBe(0);
  });

  it("deadlines come from the default rules, counted from the last routing; escalation twice the feedback time from the dispatch", async () => {
    const rows = await db.$queryRaw<{ risk: RiskLevel; sign_off: number; feedback: number; escalate: number }[]>`
      SELECT DISTINCT risk_level AS risk, (extract(epoch FROM sign_off_deadline - routed_at) / 60)::int AS sign_off,
        (extract(epoch FROM feedback_deadline - routed_at) / 60)::int AS feedback,
        (extract(epoch FROM escalate_at - issued_at) / 60)::int AS escalate
      FROM instruction`;
    const signOff = DEFAULT_DEADLINES.INSTRUCTION_SIGN_OFF as Record<RiskLevel, { amount: number }>;
    const feedback = DEFAULT_DEADLINES.INSTRUCTION_FEEDBACK as Record<RiskLevel, { amount: number }>;
    for (const r of rows) expect(r, r.risk).toEqual({ risk: r.risk, sign_off: signOff[r.risk].amount, feedback: feedback[r.risk].amount, escalate: 2 * feedback[r.risk].amount });
  });

  it("overdue marks name the unit holding the instruction and a deadline that passed", async () => {
    expect(await count`SELECT count(*) AS n FROM instruction_overdue WHERE marked_at < deadline OR marked_at > ${template.seededAt}`).toBe(0);
    expect(await count`SELECT count(*) AS n FROM instruction_overdue`).toBeGreaterThan(20);
    expect(await count`SELECT count(*) AS n FROM supervision_notice`).toBeGreaterThanOrEqual(4);
  });
});

describe("the rankings have data", () => {
  it("last month most districts and many stations received instructions, and some were coloured", async () => {
    const month = addMonths(shanghaiMonth(template.seededAt), -1);
    const r = await getRankings(await signInAs("leader"), { month });
    expect(r.districts.filter((d) => d.counts.receipts > 0).length).toBeGreaterThanOrEqual(8);
    expect(r.stations.filter((s) => s.values.onTimeSignOff !== null).length).toBeGreaterThan(15);
    expect(r.districts.some((d) => d.values.dissuasionRate !== null)).toBe(true);
    expect(r.stations.some((s) => Object.values(s.bands).some((b) => b === "top" || b === "bottom"))).toBe(true);
  });
});
