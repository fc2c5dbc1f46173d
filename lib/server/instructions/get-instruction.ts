import "server-only";
import { db } from "@/lib/db";
import type {
  DeclineReason,
  FeedbackOutcome,
  FraudType,
  InstructionEventKind,
  InstructionKind,
  InstructionStatus,
  RiskLevel,
} from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { maskName, maskPhone } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import { offeredInstructionActions, type InstructionAction } from "@/lib/instructions/instruction-state";
import { currentDeadline, urgencyAt, type Urgency } from "@/lib/instructions/supervision-clock";
import { checkNoticeStep, replyPending } from "@/lib/instructions/supervision-notice-state";
import { findInstructionInScope } from "./find-instruction-in-scope";
import { relationsOf } from "./instruction-relations";

export interface InstructionEventItem {
  id: string;
  at: string;
  kind: InstructionEventKind;
  userName: string | null;
  unitName: string | null;
  text: string | null;
  data: unknown;
}

export interface InstructionDetail {
  id: string;
  version: number;
  kind: InstructionKind;
  status: InstructionStatus;
  riskLevel: RiskLevel;
  note: string | null;
  issuedAt: string;
  issuedByName: string;
  issuerUnitName: string;
  routedAt: string;
  signOffDeadline: string;
  feedbackDeadline: string;
  deadline: string | null;
  urgency: Urgency;
  districtId: string;
  districtName: string;
  stationName: string | null;
  signedOffAt: string | null;
  signedOffByName: string | null;
  team: { officers: string[]; auxiliaries: string[]; gridWorkers: string[] } | null;
  checkedInAt: string | null;
  checkInLocation: string | null;
  visitAttempts: number;
  decline: { reason: DeclineReason; suggestedStationId: string | null; suggestedStationName: string | null; fromStationName: string | null } | null;
  feedback: {
    outcome: FeedbackOutcome;
    metPerson: boolean | null;
    checks: string[];
    lossAvoidedFen: string | null;
    lossFen: string | null;
    note: string | null;
    reportedAt: string;
  } | null;
  /** The officer's saved draft (only for the station that holds it). */
  draft: Record<string, unknown> | null;
  draftSavedAt: string | null;
  closedAt: string | null;
  followUpDueAt: string | null;
  alert: {
    id: string;
    fraudType: FraudType;
    status: string;
    personName: string;
    phone: string;
    hasAddress: boolean;
    /** The officers of the holding station may reveal phone and address (audited). */
    canRevealContact: boolean;
    /** Whether this actor may open the alert itself (it may be outside a station's alerts). */
    canOpen: boolean;
  };
  notice: { raisedAt: string; replyRequiredAt: string | null; reply: string | null; repliedAt: string | null; replyPending: boolean } | null;
  /** What this actor may do now (the state machine's answer for their relation to it). */
  offered: InstructionAction[];
  canSupervise: boolean;
  canReply: boolean;
  events: InstructionEventItem[];
}

/** One instruction in the actor's jurisdiction, with its timeline; the person masked. */
export async function getInstruction(actor: Actor, instructionId: string): Promise<InstructionDetail> {
  await assertCan(actor, "instruction.read", { type: "instruction", id: instructionId });
  const i = await findInstructionInScope(actor, instructionId, "instruction.read", {
    id: true,
    version: true,
    kind: true,
    status: true,
    riskLevel: true,
    note: true,
    issuedAt: true,
    routedAt: true,
    signOffDeadline: true,
    feedbackDeadline: true,
    escalatedAt: true,
    issuerUnitId: true,
    districtId: true,
    stationId: true,
    signedOffAt: true,
    signedOffById: true,
    team: true,
    checkedInAt: true,
    checkInLocation: true,
    visitAttempts: true,
    declineReason: true,
    suggestedStationId: true,
    declinedFromStationId: true,
    feedbackOutcome: true,
    metPerson: true,
    checks: true,
    lossAvoidedFen: true,
    lossFen: true,
    feedbackNote: true,
    reportedAt: true,
    feedbackDraft: true,
    feedbackDraftAt: true,
    closedAt: true,
    followUpDueAt: true,
    issuedBy: { select: { displayName: true } },
    issuerUnit: { select: { name: true } },
    district: { select: { name: true } },
    station: { select: { name: true } },
    alert: { select: { id: true, fraudType: true, status: true, phoneSealed: true, addressSealed: true, stationId: true, districtId: true, person: { select: { nameSealed: true } } } },
    notice: { select: { raisedAt: true, replyRequiredAt: true, reply: true, repliedAt: true } },
    events: { orderBy: { at: "asc" }, select: { id: true, at: true, kind: true, userId: true, unitId: true, text: true, data: true } },
  });
  const userIds = [...new Set([...i.events.map((e) => e.userId), i.signedOffById].filter((x): x is string => !!x))];
  const unitIds = [...new Set([...i.events.map((e) => e.unitId), i.suggestedStationId, i.declinedFromStationId].filter((x): x is string => !!x))];
  const [users, units] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    db.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const relations = relationsOf(actor, i);
  const now = new Date();
  const signedOffByName = i.signedOffById ? (userName.get(i.signedOffById) ?? null) : null;
  const team = i.team as InstructionDetail["team"];
  const { alert } = i;
  const alertInJurisdiction =
    actor.role !== "STATION_OFFICER" ? can(actor, "alert.read") : alert.stationId !== null && alert.stationId === actor.stationId;
  return {
    id: i.id,
    version: i.version,
    kind: i.kind,
    status: i.status,
    riskLevel: i.riskLevel,
    note: i.note,
    issuedAt: i.issuedAt.toISOString(),
    issuedByName: i.issuedBy.displayName,
    issuerUnitName: i.issuerUnit.name,
    routedAt: i.routedAt.toISOString(),
    signOffDeadline: i.signOffDeadline.toISOString(),
    feedbackDeadline: i.feedbackDeadline.toISOString(),
    deadline: currentDeadline(i)?.toISOString() ?? null,
    urgency: urgencyAt(i, now),
    districtId: i.districtId,
    districtName: i.district.name,
    stationName: i.station?.name ?? null,
    signedOffAt: i.signedOffAt?.toISOString() ?? null,
    signedOffByName,
    team: team ?? null,
    checkedInAt: i.checkedInAt?.toISOString() ?? null,
    checkInLocation: i.checkInLocation,
    visitAttempts: i.visitAttempts,
    decline: i.declineReason
      ? {
          reason: i.declineReason,
          suggestedStationId: i.suggestedStationId,
          suggestedStationName: i.suggestedStationId ? (unitName.get(i.suggestedStationId) ?? null) : null,
          fromStationName: i.declinedFromStationId ? (unitName.get(i.declinedFromStationId) ?? null) : null,
        }
      : null,
    feedback:
      i.feedbackOutcome && i.reportedAt
        ? {
            outcome: i.feedbackOutcome,
            metPerson: i.metPerson,
            checks: i.checks,
            lossAvoidedFen: i.lossAvoidedFen?.toString() ?? null,
            lossFen: i.lossFen?.toString() ?? null,
            note: i.feedbackNote,
            reportedAt: i.reportedAt.toISOString(),
          }
        : null,
    draft: relations.station ? ((i.feedbackDraft as Record<string, unknown> | null) ?? null) : null,
    draftSavedAt: relations.station ? (i.feedbackDraftAt?.toISOString() ?? null) : null,
    closedAt: i.closedAt?.toISOString() ?? null,
    followUpDueAt: i.followUpDueAt?.toISOString() ?? null,
    alert: {
      id: alert.id,
      fraudType: alert.fraudType,
      status: alert.status,
      personName: maskName(vault().open("name", alert.person.nameSealed)),
      phone: maskPhone(vault().open("phone", alert.phoneSealed)),
      hasAddress: alert.addressSealed !== null,
      canRevealContact: relations.station && can(actor, "instruction.revealContact") && ["AT_STATION", "SIGNED_OFF", "ON_SITE"].includes(i.status),
      canOpen: alertInJurisdiction,
    },
    notice: i.notice
      ? {
          raisedAt: i.notice.raisedAt.toISOString(),
          replyRequiredAt: i.notice.replyRequiredAt?.toISOString() ?? null,
          reply: i.notice.reply,
          repliedAt: i.notice.repliedAt?.toISOString() ?? null,
          replyPending: replyPending(i.notice),
        }
      : null,
    offered: [...offeredInstructionActions(i, relations)],
    canSupervise: can(actor, "instruction.supervise") && i.notice !== null,
    canReply: relations.station && checkNoticeStep(i.notice, "reply") === null,
    events: i.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      userName: e.userId ? (userName.get(e.userId) ?? null) : null,
      unitName: e.unitId ? (unitName.get(e.unitId) ?? null) : null,
      text: e.text,
      data: e.data,
    })),
  };
}
