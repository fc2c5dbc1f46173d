// Every domain function of the dispatch chain, tried by every role, from inside and outside the
// jurisdiction, and from the second city (临川, accounts lc.*) on the demo city's (江州)
// instructions. One row of a table per function: the roles that may call it, the roles that are
// then served (the relation to the instruction decides the rest), the state its target must be
// in, the call. A refusal leaves one audit row and nothing else; whoever may, is served.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/prisma/generated/client/enums";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  CancelInstructionSchema,
  CheckInSchema,
  CloseInstructionSchema,
  DeclineInstructionSchema,
  DispatchInstructionSchema,
  FeedbackDraftSchema,
  ForwardInstructionSchema,
  InstructionListSchema,
  InstructionStepSchema,
  NoticeCommentSchema,
  NoticeReplySchema,
  RerouteInstructionSchema,
  SendBackSchema,
  SetTeamSchema,
  VisitAttemptSchema,
} from "@/lib/schemas/instructions";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { rerouteInstruction } from "@/lib/server/instructions/reroute-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { setInstructionTeam } from "@/lib/server/instructions/set-instruction-team";
import { checkInOnSite } from "@/lib/server/instructions/check-in-on-site";
import { recordVisitAttempt } from "@/lib/server/instructions/record-visit-attempt";
import { saveFeedbackDraft } from "@/lib/server/instructions/save-feedback-draft";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { closeInstruction } from "@/lib/server/instructions/close-instruction";
import { sendBackInstruction } from "@/lib/server/instructions/send-back-instruction";
import { cancelInstruction } from "@/lib/server/instructions/cancel-instruction";
import { chaseInstruction } from "@/lib/server/instructions/chase-instruction";
import { revealInstructionContact } from "@/lib/server/instructions/reveal-instruction-contact";
import { commentOnNotice } from "@/lib/server/instructions/comment-on-notice";
import { replyToNotice } from "@/lib/server/instructions/reply-to-notice";
import { getInstruction } from "@/lib/server/instructions/get-instruction";
import { listInstructions, type InstructionListView } from "@/lib/server/instructions/list-instructions";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS } from "../../support/actors";
import { allPages } from "../../support/all-pages";
import { account, createInstruction, feedback, newAlertAt, unitIds, type InstructionStage, type MadeInstruction } from "../../support/instruction-factory";
import { expectListedWithout, expectRefusal } from "../../support/refusals";

await openTestDatabase("demo");

const READERS: readonly Role[] = ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"];
const ROUTERS: readonly Role[] = ["ANALYST", "DISTRICT_COORDINATOR"];
const OFFICERS: readonly Role[] = ["STATION_OFFICER"];
const SUPERVISORS: readonly Role[] = ["SUPERVISOR", "DISTRICT_COORDINATOR"];

const SECOND_CITY_ACCOUNTS = ["lc.analyst1", "lc.leader", "lc.coord.l01", "lc.officer.l01s01"] as const;

interface Row {
  name: string;
  /** The roles with the permission: every other role is refused as "forbidden". */
  allowed: readonly Role[];
  /** The roles served on a target of their own unit (the others of `allowed` are not in the relation the step needs). */
  served: readonly Role[];
  /** The step belongs to the issuing unit: a coordinator is served on what its district issued. */
  byIssuer?: boolean;
  /** The target's state; "alert" is an alert with nothing dispatched yet. */
  stage: InstructionStage | "alert";
  call: (a: Actor, t: MadeInstruction) => Promise<unknown>;
}

const step = (t: MadeInstruction) => ({ instructionId: t.instructionId, version: t.version });

const ROWS: Row[] = [
  { name: "getInstruction", allowed: READERS, served: READERS, stage: "AT_STATION", call: (a, t) => getInstruction(a, t.instructionId) },
  {
    name: "dispatchInstruction",
    allowed: ROUTERS,
    served: ROUTERS,
    stage: "alert",
    call: (a, t) => dispatchInstruction(a, DispatchInstructionSchema.parse({ alertId: t.alertId, kind: "DOOR_VISIT", stationId: t.stationId, note: "高危，请立即上门" })),
  },
  {
    name: "forwardInstruction",
    allowed: ROUTERS,
    served: ["DISTRICT_COORDINATOR"],
    stage: "AT_DISTRICT",
    call: (a, t) => forwardInstruction(a, ForwardInstructionSchema.parse({ ...step(t), stationId: t.stationId })),
  },
  {
    name: "rerouteInstruction",
    allowed: ROUTERS,
    served: ROUTERS,
    stage: "DECLINED",
    call: (a, t) => rerouteInstruction(a, RerouteInstructionSchema.parse({ ...step(t), stationId: t.siblingStationId, note: "按建议改派" })),
  },
  { name: "signOffInstruction", allowed: OFFICERS, served: OFFICERS, stage: "AT_STATION", call: (a, t) => signOffInstruction(a, InstructionStepSchema.parse(step(t))) },
  {
    name: "declineInstruction",
    allowed: OFFICERS,
    served: OFFICERS,
    stage: "AT_STATION",
    call: (a, t) => declineInstruction(a, DeclineInstructionSchema.parse({ ...step(t), reason: "NOT_OUR_JURISDICTION", suggestedStationId: t.siblingStationId })),
  },
  {
    name: "setInstructionTeam",
    allowed: OFFICERS,
    served: OFFICERS,
    stage: "SIGNED_OFF",
    call: (a, t) => setInstructionTeam(a, SetTeamSchema.parse({ ...step(t), officers: "李警官", auxiliaries: "王辅警,赵辅警,钱辅警", gridWorkers: "孙网格员" })),
  },
  { name: "checkInOnSite", allowed: OFFICERS, served: OFFICERS, stage: "SIGNED_OFF", call: (a, t) => checkInOnSite(a, CheckInSchema.parse({ ...step(t), location: "测试路8号" })) },
  { name: "recordVisitAttempt", allowed: OFFICERS, served: OFFICERS, stage: "ON_SITE", call: (a, t) => recordVisitAttempt(a, VisitAttemptSchema.parse({ ...step(t), note: "家中无人" })) },
  {
    name: "saveFeedbackDraft",
    allowed: OFFICERS,
    served: OFFICERS,
    stage: "SIGNED_OFF",
    call: (a, t) => saveFeedbackDraft(a, FeedbackDraftSchema.parse({ instructionId: t.instructionId, outcome: "DISSUADED", note: "正在劝阻" })),
  },
  { name: "reportFeedback", allowed: OFFICERS, served: OFFICERS, stage: "ON_SITE", call: (a, t) => reportFeedback(a, feedback(step(t), "DISSUADED")) },
  {
    name: "closeInstruction",
    allowed: ROUTERS,
    served: ROUTERS,
    byIssuer: true,
    stage: "REPORTED",
    call: (a, t) => closeInstruction(a, CloseInstructionSchema.parse({ ...step(t), applyToAlert: "on" })),
  },
  {
    name: "sendBackInstruction",
    allowed: ROUTERS,
    served: ROUTERS,
    byIssuer: true,
    stage: "REPORTED",
    call: (a, t) => sendBackInstruction(a, SendBackSchema.parse({ ...step(t), note: "请补充核查情况" })),
  },
  {
    name: "cancelInstruction",
    allowed: ROUTERS,
    served: ROUTERS,
    byIssuer: true,
    stage: "AT_STATION",
    call: (a, t) => cancelInstruction(a, CancelInstructionSchema.parse({ ...step(t), note: "已电话联系上本人" })),
  },
  { name: "chaseInstruction", allowed: ROUTERS, served: ROUTERS, stage: "AT_STATION", call: (a, t) => chaseInstruction(a, { instructionId: t.instructionId, note: "请尽快签收" }) },
  { name: "revealInstructionContact(phone)", allowed: OFFICERS, served: OFFICERS, stage: "SIGNED_OFF", call: (a, t) => revealInstructionContact(a, { instructionId: t.instructionId, field: "phone" }) },
  {
    name: "revealInstructionContact(address)",
    allowed: OFFICERS,
    served: OFFICERS,
    stage: "AT_STATION",
    call: (a, t) => revealInstructionContact(a, { instructionId: t.instructionId, field: "address" }),
  },
  {
    name: "commentOnNotice",
    allowed: SUPERVISORS,
    served: SUPERVISORS,
    stage: "NOTICE",
    call: (a, t) => commentOnNotice(a, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "请说明超时原因" })),
  },
  {
    name: "commentOnNotice(requireReply)",
    allowed: SUPERVISORS,
    served: SUPERVISORS,
    stage: "NOTICE",
    call: (a, t) => commentOnNotice(a, NoticeCommentSchema.parse({ instructionId: t.instructionId, text: "请书面回复", requireReply: "on" })),
  },
  {
    name: "replyToNotice",
    allowed: OFFICERS,
    served: OFFICERS,
    stage: "REPLY_REQUIRED",
    call: (a, t) => replyToNotice(a, NoticeReplySchema.parse({ instructionId: t.instructionId, reply: "当事人外出，已电话联系并约定上门" })),
  },
];

/** What a refused call names in its denial: the alert for a dispatch, else the instruction. */
const idOf = (row: Row, t: MadeInstruction) => (row.stage === "alert" ? t.alertId : t.instructionId);

/** A fresh target for `row` at the station, issued by the district when a coordinator is to review it. */
async function prepare(row: Row, stationCode: string, reviewer?: Actor): Promise<MadeInstruction> {
  if (row.stage === "alert") {
    const alertId = await newAlertAt(stationCode);
    return { instructionId: "", alertId, version: 1, ...(await unitIds(stationCode)), issuer: await account("analyst1") };
  }
  const issuer = row.byIssuer && reviewer?.role === "DISTRICT_COORDINATOR" ? "district" : "city";
  return createInstruction(row.stage, { stationCode, issuer });
}

const everyone = () => Promise.all([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map(account));

beforeAll(async () => {
  // Signed in one after another (sign-in is rate-limited per address), cached by the factory.
  for (const username of [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, ...SECOND_CITY_ACCOUNTS, "coord.d02", "officer.d01s02", "officer.d02s01"]) await account(username);
});

describe("dispatch chain functions refuse every role they are not for", () => {
  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare(row, "D01S01");
    for (const actor of await everyone()) {
      if (row.allowed.includes(actor.role)) continue;
      await expectRefusal(`${actor.username} ${row.name}`, actor, () => row.call(actor, t), { error: ForbiddenError, reason: "role", entityId: idOf(row, t) });
    }
    // Each account of a served role, on a target of its own (a step changes the target), inside its jurisdiction.
    const served = (await everyone()).filter((a) => row.served.includes(a.role));
    expect(served.length).toBeGreaterThan(0);
    for (const actor of served) {
      const own = await prepare(row, "D01S01", actor);
      await row.call(actor, own);
    }
  });

  it.each(ROWS.filter((row) => row.served.length < row.allowed.length).map((row) => [row.name, row] as const))(
    "%s: a role that may route, but not this step of this instruction, is refused 'not your step', audited, nothing changed",
    async (_, row) => {
      for (const actor of await everyone()) {
        if (!row.allowed.includes(actor.role) || row.served.includes(actor.role)) continue;
        const t = await prepare(row, "D01S01");
        await expectRefusal(`${actor.username} ${row.name}`, actor, () => row.call(actor, t), { error: DomainError, reason: "notYourStep", entityId: t.instructionId });
      }
    },
  );

  it("a coordinator may not review what the city issued, nor the city what a district issued (not their step)", async () => {
    const coordinator = await account("coord.d01");
    const analyst = await account("analyst1");
    for (const row of ROWS.filter((r) => r.byIssuer)) {
      const cityIssued = await prepare(row, "D01S01");
      await expectRefusal(`coord.d01 ${row.name} of the city`, coordinator, () => row.call(coordinator, cityIssued), { error: DomainError, reason: "notYourStep", entityId: cityIssued.instructionId });
      const districtIssued = await prepare(row, "D01S01", coordinator);
      await expectRefusal(`analyst1 ${row.name} of the district`, analyst, () => row.call(analyst, districtIssued), { error: DomainError, reason: "notYourStep", entityId: districtIssued.instructionId });
    }
  });
});

/** Someone outside the instruction's jurisdiction, and who inside it is served the same call, by role. */
const OUTSIDERS: { outsider: string; station: string; where: string; insiders: Partial<Record<Role, string>> }[] = [
  { outsider: "officer.d01s01", station: "D01S02", where: "a neighbouring station of the same district", insiders: { STATION_OFFICER: "officer.d01s02" } },
  {
    outsider: "coord.d01",
    station: "D02S01",
    where: "another district",
    insiders: { DISTRICT_COORDINATOR: "coord.d02", STATION_OFFICER: "officer.d02s01", ANALYST: "analyst1", SUPERVISOR: "leader" },
  },
  ...SECOND_CITY_ACCOUNTS.map((outsider) => ({
    outsider,
    station: "D01S01",
    where: "the other city",
    insiders: { ANALYST: "analyst1", SUPERVISOR: "leader", DISTRICT_COORDINATOR: "coord.d01", STATION_OFFICER: "officer.d01s01" },
  })),
];

describe("outside the jurisdiction an instruction does not exist", () => {
  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s on an instruction of %s: not found, audited, nothing changed", async (_, __, c) => {
    const outsider = await account(c.outsider);
    const rows = ROWS.filter((r) => r.allowed.includes(outsider.role));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const insiderRole = row.served.includes(outsider.role) ? outsider.role : row.served[0]!;
      const insider = await account(c.insiders[insiderRole]!);
      const t = await prepare(row, c.station, insider);
      await expectRefusal(`${c.outsider} ${row.name}`, outsider, () => row.call(outsider, t), { error: NotFoundError, reason: "jurisdiction", entityId: idOf(row, t) });
      // The refusal was about the jurisdiction, not the target's state.
      await row.call(insider, t);
    }
  });
});

describe("the lists of instructions", () => {
  const LIST_ROLES: Record<InstructionListView, readonly Role[]> = { inbox: OFFICERS, district: ROUTERS, issued: ROUTERS, city: READERS };
  const listed = async (actor: Actor, view: InstructionListView) =>
    view === "city"
      ? (await allPages((cursor) => listInstructions(actor, "city", InstructionListSchema.parse({ cursor })))).map((i) => i.id)
      : (await listInstructions(actor, view)).items.map((i) => i.id);

  it.each(Object.keys(LIST_ROLES).map((view) => [view] as const))("%s refuses every other role", async (view) => {
    const v = view as InstructionListView;
    for (const actor of await everyone()) {
      if (LIST_ROLES[v].includes(actor.role)) continue;
      await expectRefusal(`${actor.username} ${v}`, actor, () => listInstructions(actor, v), { error: ForbiddenError, reason: "role" });
    }
  });

  it("each list holds what its reader works on", async () => {
    const analyst = await account("analyst2");
    const t = await createInstruction("AT_STATION", { analyst: "analyst2" });
    expect(await listed(await account("officer.d01s01"), "inbox")).toContain(t.instructionId);
    expect(await listed(await account("coord.d01"), "district")).toContain(t.instructionId);
    expect(await listed(analyst, "issued")).toContain(t.instructionId);
    for (const username of ["analyst1", "leader", "coord.d01", "officer.d01s01"]) expect(await listed(await account(username), "city"), username).toContain(t.instructionId);
    // A decline waits in the issuer's list and the district's, not in the station's any more.
    const declined = await createInstruction("DECLINED", { analyst: "analyst2" });
    expect(await listed(analyst, "issued")).toContain(declined.instructionId);
    expect(await listed(await account("coord.d01"), "district")).toContain(declined.instructionId);
    expect(await listed(await account("officer.d01s01"), "inbox")).not.toContain(declined.instructionId);
    expect(await listed(await account("officer.d01s01"), "city")).not.toContain(declined.instructionId);
  });

  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s lists nothing of %s", async (_, __, c) => {
    const outsider = await account(c.outsider);
    const t = await createInstruction("AT_STATION", { stationCode: c.station });
    for (const view of Object.keys(LIST_ROLES) as InstructionListView[]) {
      if (!LIST_ROLES[view].includes(outsider.role)) continue;
      await expectListedWithout(`${c.outsider} ${view}`, () => listed(outsider, view), [t.instructionId]);
    }
  });
});
