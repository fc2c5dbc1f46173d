import "server-only";
import { db } from "@/lib/db";
import type { FeedbackOutcome, InstructionEventKind, InstructionKind, InstructionStatus, RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { instructionScope } from "@/lib/auth/permissions";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { chainOf, type ChainStepState } from "@/lib/instructions/instruction-chain";
import { currentDeadline, urgencyAt, type Urgency } from "@/lib/instructions/supervision-clock";

/** Steps beside the chain that the alert page lists under it (declines, re-routes, chases, overdue marks). */
const SIDE_EVENTS: readonly InstructionEventKind[] = ["DECLINED", "REROUTED", "SENT_BACK", "VISIT_ATTEMPT", "CHASED", "OVERDUE", "ESCALATED", "REMINDED"];

export interface AlertInstructionEvent {
  id: string;
  at: string;
  kind: InstructionEventKind;
  unitName: string | null;
  userName: string | null;
}

export interface AlertInstruction {
  id: string;
  kind: InstructionKind;
  status: InstructionStatus;
  riskLevel: RiskLevel;
  issuedByName: string;
  districtName: string;
  stationName: string | null;
  note: string | null;
  /** The deadline the holder works against now, or null once reported. */
  deadline: string | null;
  urgency: Urgency;
  visitAttempts: number;
  feedbackOutcome: FeedbackOutcome | null;
  /** 下发 → 转派 → 签收 → 到场 → 反馈 → 办结, each with its time and the time it took. */
  chain: ChainStepState[];
  /** The other steps of its timeline (declines, re-routes, visits, chases, overdue), oldest first. */
  sideEvents: AlertInstructionEvent[];
}

/** An alert has a handful of instructions over its life; more than this is not a screen's work. */
const LIMIT = 50;

/**
 * The instructions of one alert the actor may see, oldest first, each with its whole chain:
 * the city all of them, a district those it holds, a station only those sent to it (an officer
 * never learns where else the alert went). The alert itself must be in the actor's jurisdiction.
 */
export async function listAlertInstructions(actor: Actor, alertId: string): Promise<AlertInstruction[]> {
  await assertCan(actor, "instruction.read", { type: "alert", id: alertId });
  const alert = await findAlertInScope(actor, alertId, "instruction.read", { id: true });
  const rows = await db.instruction.findMany({
    where: { AND: [{ alertId: alert.id }, instructionScope(actor)] },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      kind: true,
      status: true,
      riskLevel: true,
      note: true,
      issuedAt: true,
      routedAt: true,
      signOffDeadline: true,
      feedbackDeadline: true,
      escalatedAt: true,
      visitAttempts: true,
      feedbackOutcome: true,
      issuedBy: { select: { displayName: true } },
      district: { select: { name: true } },
      station: { select: { name: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], take: 500, select: { id: true, at: true, kind: true, unitId: true, userId: true } },
    },
  });
  const events = rows.flatMap((r) => r.events);
  const unitIds = [...new Set(events.map((e) => e.unitId).filter((x): x is string => x !== null))];
  const userIds = [...new Set(events.map((e) => e.userId).filter((x): x is string => x !== null))];
  const [units, users] = await Promise.all([
    unitIds.length ? db.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : [],
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    riskLevel: r.riskLevel,
    issuedByName: r.issuedBy.displayName,
    districtName: r.district.name,
    stationName: r.station?.name ?? null,
    note: r.note,
    deadline: currentDeadline(r)?.toISOString() ?? null,
    urgency: urgencyAt(r, now),
    visitAttempts: r.visitAttempts,
    feedbackOutcome: r.feedbackOutcome,
    chain: chainOf(r.events.map((e) => ({ kind: e.kind, at: e.at.toISOString() }))),
    sideEvents: r.events
      .filter((e) => SIDE_EVENTS.includes(e.kind))
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        unitName: e.unitId ? (unitName.get(e.unitId) ?? null) : null,
        userName: e.userId ? (userName.get(e.userId) ?? null) : null,
      })),
  }));
}
