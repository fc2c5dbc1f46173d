// Instructions in a given state for a test, made the way the users make them: an analyst (or a
// district's coordinator) dispatches, the district forwards, the station's officer signs off,
// checks in, reports, the issuer closes. Each instruction is about a NEW alert of its own
// (tests/support/alert-factory.ts). Only the supervision notice is written directly (the worker
// raises it, on a clock tests do not want to move for every target).
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { FeedbackOutcome, InstructionKind, RiskLevel } from "@/prisma/generated/client/enums";
import {
  CancelInstructionSchema,
  CheckInSchema,
  CloseInstructionSchema,
  DeclineInstructionSchema,
  DispatchInstructionSchema,
  ForwardInstructionSchema,
  InstructionStepSchema,
  ReportFeedbackSchema,
} from "@/lib/schemas/instructions";
import { dispatchInstruction } from "@/lib/server/instructions/dispatch-instruction";
import { forwardInstruction } from "@/lib/server/instructions/forward-instruction";
import { signOffInstruction } from "@/lib/server/instructions/sign-off-instruction";
import { checkInOnSite } from "@/lib/server/instructions/check-in-on-site";
import { reportFeedback } from "@/lib/server/instructions/report-feedback";
import { closeInstruction } from "@/lib/server/instructions/close-instruction";
import { declineInstruction } from "@/lib/server/instructions/decline-instruction";
import { cancelInstruction } from "@/lib/server/instructions/cancel-instruction";
import { commentOnNotice } from "@/lib/server/instructions/comment-on-notice";
import { signInAs } from "./actors";
import { createNewAlerts, type NewAlertOptions } from "./alert-factory";

/** How far down the chain the instruction has come (NOTICE: signed off and escalated; REPLY_REQUIRED: and a reply required). */
export type InstructionStage =
  | "AT_DISTRICT"
  | "AT_STATION"
  | "SIGNED_OFF"
  | "ON_SITE"
  | "REPORTED"
  | "CLOSED"
  | "DECLINED"
  | "CANCELLED"
  | "NOTICE"
  | "REPLY_REQUIRED";

export interface InstructionOptions {
  /** The station of the alert, where the instruction goes (default D01S01). */
  stationCode?: string;
  /** Who issues it: the city's analyst (default) or the coordinator of the station's district (straight to the station). */
  issuer?: "city" | "district";
  /** The analyst who issues it for the city (default analyst1). */
  analyst?: string;
  /** Sent by the city to the district, which forwards it (always so for AT_DISTRICT). */
  viaDistrict?: boolean;
  kind?: InstructionKind;
  riskLevel?: RiskLevel;
  /** The feedback of REPORTED and CLOSED (default 已劝阻). */
  outcome?: FeedbackOutcome;
  /** An existing NEW alert at the station to dispatch, instead of a fresh one. */
  alertId?: string;
  /** Extra for the alert (an address to reveal, say). */
  alert?: Pick<NewAlertOptions, "address" | "idNumber" | "minutesAgo">;
}

export interface MadeInstruction {
  instructionId: string;
  alertId: string;
  /** The version the next step must name. */
  version: number;
  /** The station it was sent to (it no longer holds a DECLINED one). */
  stationId: string;
  districtId: string;
  /** Another station of the same district (to forward, re-route or suggest to). */
  siblingStationId: string;
  issuer: Actor;
}

const signedIn = new Map<string, Actor>();

/** A demo account, signed in once per test file (sign-in is the real one: tests/support/actors.ts). */
export async function account(username: string): Promise<Actor> {
  let actor = signedIn.get(username);
  if (!actor) {
    actor = await signInAs(username);
    signedIn.set(username, actor);
  }
  return actor;
}

/** The station's officer and its district's coordinator, by the demo's usernames (officer.d01s01, coord.d01). */
export async function castOf(stationCode: string): Promise<{ officer: Actor; coordinator: Actor }> {
  const code = stationCode.toLowerCase();
  return { officer: await account(`officer.${code}`), coordinator: await account(`coord.${code.slice(0, 3)}`) };
}

export async function unitIds(stationCode: string): Promise<{ stationId: string; districtId: string; siblingStationId: string }> {
  const station = await db.orgUnit.findUniqueOrThrow({ where: { code: stationCode }, select: { id: true, districtId: true } });
  const sibling = await db.orgUnit.findFirstOrThrow({
    where: { kind: "STATION", districtId: station.districtId, NOT: { id: station.id } },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  return { stationId: station.id, districtId: station.districtId!, siblingStationId: sibling.id };
}

/** A NEW alert at the station, with nothing dispatched yet. */
export async function newAlertAt(stationCode = "D01S01", opts: InstructionOptions = {}): Promise<string> {
  const [alertId] = await createNewAlerts(1, { stationCode, riskLevel: opts.riskLevel ?? "HIGH", address: "江州市东湖区测试路8号", ...opts.alert });
  return alertId!;
}

export async function createInstruction(stage: InstructionStage, opts: InstructionOptions = {}): Promise<MadeInstruction> {
  const stationCode = opts.stationCode ?? "D01S01";
  const units = await unitIds(stationCode);
  const { officer, coordinator } = await castOf(stationCode);
  const issuer = opts.issuer === "district" ? coordinator : await account(opts.analyst ?? "analyst1");
  const alertId = opts.alertId ?? (await newAlertAt(stationCode, opts));
  const viaDistrict = stage === "AT_DISTRICT" || (opts.viaDistrict ?? false);
  if (viaDistrict && opts.issuer === "district") throw new Error("a district sends to its stations, not to a district");

  const { instructionId } = await dispatchInstruction(
    issuer,
    DispatchInstructionSchema.parse({ alertId, kind: opts.kind ?? "DOOR_VISIT", note: "请尽快上门", ...(viaDistrict ? { districtId: units.districtId } : { stationId: units.stationId }) }),
  );
  const made: MadeInstruction = { instructionId, alertId, version: 1, ...units, issuer };
  const step = async (call: (version: number) => Promise<{ version: number }>) => {
    made.version = (await call(made.version)).version;
  };
  const ids = () => ({ instructionId, version: made.version });
  if (stage === "AT_DISTRICT") return made;
  if (viaDistrict) await step(() => forwardInstruction(coordinator, ForwardInstructionSchema.parse({ ...ids(), stationId: units.stationId })));
  if (stage === "AT_STATION") return made;
  if (stage === "DECLINED") {
    await step(() => declineInstruction(officer, DeclineInstructionSchema.parse({ ...ids(), reason: "NOT_OUR_JURISDICTION", suggestedStationId: units.siblingStationId, note: "不在本所辖区" })));
    return made;
  }
  if (stage === "CANCELLED") {
    await step(() => cancelInstruction(issuer, CancelInstructionSchema.parse({ ...ids(), note: "电话已联系上本人" })));
    return made;
  }
  await step(() => signOffInstruction(officer, InstructionStepSchema.parse(ids())));
  if (stage === "SIGNED_OFF") return made;
  if (stage === "NOTICE" || stage === "REPLY_REQUIRED") {
    await raiseNotice(instructionId);
    if (stage === "REPLY_REQUIRED") await commentOnNotice(await account("leader"), { instructionId, text: "请说明超时原因", requireReply: true });
    return made;
  }
  await step(() => checkInOnSite(officer, CheckInSchema.parse({ ...ids(), location: "测试路8号楼下" })));
  if (stage === "ON_SITE") return made;
  await step(() => reportFeedback(officer, feedback(ids(), opts.outcome ?? "DISSUADED")));
  if (stage === "REPORTED") return made;
  await step(() => closeInstruction(issuer, CloseInstructionSchema.parse({ ...ids(), applyToAlert: false })));
  return made;
}

/** The feedback of an outcome as the officer's form sends it (a loss for 已被骗, a loss avoided for 已劝阻). */
export function feedback(ids: { instructionId: string; version: number }, outcome: FeedbackOutcome) {
  return ReportFeedbackSchema.parse({
    ...ids,
    outcome,
    metPerson: outcome === "NOT_FOUND" || outcome === "NOT_FOUND_YET" ? "no" : "yes",
    checks: ["CALL_SMS_LOG", "FRAUD_APPS"],
    lossAvoidedYuan: outcome === "DISSUADED" ? "20000" : undefined,
    lossYuan: outcome === "DEFRAUDED" ? "5000.50" : undefined,
    note: "已当面宣讲",
  });
}

/**
 * Escalates the instruction as the worker's sweep does (lib/server/instructions/sweep-supervision.ts,
 * tested on its own): the escalation time, the next reminder, the notice (督办单).
 */
export async function raiseNotice(instructionId: string): Promise<void> {
  const i = await db.instruction.findUniqueOrThrow({ where: { id: instructionId }, select: { cityId: true, districtId: true, stationId: true, feedbackDeadline: true, routedAt: true } });
  const now = new Date();
  await db.$transaction([
    db.instruction.update({
      where: { id: instructionId },
      data: { escalatedAt: now, nextReminderAt: new Date(now.getTime() + i.feedbackDeadline.getTime() - i.routedAt.getTime()) },
    }),
    db.supervisionNotice.create({ data: { cityId: i.cityId, districtId: i.districtId, stationId: i.stationId, instructionId, raisedAt: now } }),
  ]);
}

/** A second officer of a station (for races between officers), signed in. */
export async function anotherOfficer(stationCode: string, username: string): Promise<Actor> {
  const template = await db.user.findUniqueOrThrow({ where: { username: `officer.${stationCode.toLowerCase()}` } });
  await db.user.create({ data: { username, displayName: "第二民警", role: "STATION_OFFICER", unitId: template.unitId, passwordHash: template.passwordHash } });
  return account(username);
}
