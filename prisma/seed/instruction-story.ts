// One instruction's life, played forward: the people's steps (dispatch, forward, sign off, decline,
// re-route, check in, feedback, close …) in time order, and between them what the worker's sweep
// does at each deadline (overdue marks, escalation with a supervision notice, reminders), with the
// rules of lib/instructions/supervision-clock.ts. Cut at `cutoff` (now) it leaves an open
// instruction exactly as the console would hold it; played to the end, a closed one. Pure: the
// planner (instructions.ts) decides the steps, this applies them and records the rows.
import type {
  DeclineReason,
  FeedbackOutcome,
  InstructionEventKind,
  InstructionKind,
  InstructionStatus,
  NotificationKind,
  OverdueKind,
  RiskLevel,
} from "@/prisma/generated/client/enums";
import { defaultDeadline } from "@/lib/deadlines/defaults";
import { alertEffectOf } from "@/lib/instructions/feedback-outcome";
import { RUNNING_STATUSES } from "@/lib/instructions/instruction-state";
import { routingDeadlines } from "@/lib/instructions/supervision-clock";

const MIN = 60_000;

/** Where an instruction goes: a station (with its district), or a district alone. */
export interface Target {
  districtId: string;
  stationId: string | null;
}

/** The team sent (1+3+N), names only. */
export interface Team {
  officers: string[];
  auxiliaries: string[];
  gridWorkers: string[];
}

export interface Feedback {
  outcome: FeedbackOutcome;
  metPerson: boolean;
  checks: string[];
  lossAvoidedFen: string | null;
  lossFen: string | null;
  note: string | null;
}

export type Step =
  | { kind: "ISSUED"; at: number; userId: string; target: Target; note: string | null }
  | { kind: "FORWARDED"; at: number; userId: string; stationId: string; note: string | null }
  | { kind: "REROUTED"; at: number; userId: string; target: Target; note: string | null }
  | { kind: "SIGNED_OFF"; at: number; userId: string }
  | { kind: "DECLINED"; at: number; userId: string; reason: DeclineReason; suggestedStationId: string | null; note: string | null }
  | { kind: "TEAM_SET"; at: number; userId: string; team: Team }
  | { kind: "CHECKED_IN"; at: number; userId: string; location: string }
  | { kind: "VISIT_ATTEMPT"; at: number; userId: string; note: string | null }
  | { kind: "DRAFT"; at: number; draft: Record<string, unknown> }
  | { kind: "FEEDBACK"; at: number; userId: string; feedback: Feedback }
  | { kind: "SENT_BACK"; at: number; userId: string; note: string | null }
  | { kind: "CHASED"; at: number; userId: string; note: string | null }
  | { kind: "REPLY_REQUIRED"; at: number; userId: string; note: string | null }
  | { kind: "REPLIED"; at: number; userId: string; reply: string }
  | { kind: "CLOSED"; at: number; userId: string; followUpDueAt: number | null };

export interface InstructionRow {
  id: string;
  alertId: string;
  kind: InstructionKind;
  riskLevel: RiskLevel;
  status: InstructionStatus;
  districtId: string;
  stationId: string | null;
  issuerUnitId: string;
  issuedById: string;
  note: string | null;
  issuedAt: number;
  routedAt: number;
  signOffDeadline: number;
  feedbackDeadline: number;
  escalateAt: number;
  signOffOverdueAt: number | null;
  feedbackOverdueAt: number | null;
  escalatedAt: number | null;
  nextReminderAt: number | null;
  signedOffAt: number | null;
  signedOffById: string | null;
  team: Team | null;
  checkedInAt: number | null;
  checkInLocation: string | null;
  visitAttempts: number;
  declineReason: DeclineReason | null;
  suggestedStationId: string | null;
  declinedFromStationId: string | null;
  feedbackDraft: Record<string, unknown> | null;
  feedbackDraftAt: number | null;
  /** The outcome of the feedback that stands (null again when it is sent back). */
  feedbackOutcome: FeedbackOutcome | null;
  /** What the officers reported with it (kept when it is sent back, as the console does). */
  feedback: Feedback | null;
  reportedAt: number | null;
  reportedById: string | null;
  closedAt: number | null;
  closedById: string | null;
  followUpDueAt: number | null;
  version: number;
}

export interface EventRow {
  instructionId: string;
  at: number;
  userId: string | null;
  kind: InstructionEventKind;
  unitId: string | null;
  text: string | null;
  /** JSON text or null. */
  data: string | null;
}

export interface OverdueRow {
  instructionId: string;
  districtId: string;
  stationId: string | null;
  kind: OverdueKind;
  deadline: number;
  markedAt: number;
}

export interface NoticeRow {
  instructionId: string;
  districtId: string;
  stationId: string | null;
  raisedAt: number;
  replyRequiredAt: number | null;
  replyRequiredById: string | null;
  reply: string | null;
  repliedAt: number | null;
  repliedById: string | null;
  version: number;
}

export interface NotificationRow {
  userId: string;
  kind: NotificationKind;
  instructionId: string;
  createdAt: number;
}

/** Everything one instruction writes. */
export interface Story {
  instruction: InstructionRow;
  events: EventRow[];
  overdues: OverdueRow[];
  notice: NoticeRow | null;
  /** The first on-site check-in (the alert's first-contact clock stops there at the latest). */
  firstCheckInAt: number | null;
  /** Times of the sweep's own steps, for notifications: the last overdue mark of the current holder, the last chase, the last sending back. */
  lastOverdueAt: number | null;
  lastChasedAt: number | null;
  lastSentBackAt: number | null;
}

const AWAITING_SIGN_OFF: readonly InstructionStatus[] = ["AT_DISTRICT", "AT_STATION"];

/** Fen as the yuan text a form shows ("50000.00"). */
function yuan(fen: string): string {
  const n = BigInt(fen);
  return `${n / 100n}.${String(n % 100n).padStart(2, "0")}`;
}

/** The sign-off and feedback intervals of a risk level under the default deadline rules (ms). */
export function intervalsOf(risk: RiskLevel): { signOff: number; feedback: number } {
  const signOff = defaultDeadline("INSTRUCTION_SIGN_OFF", risk);
  const feedback = defaultDeadline("INSTRUCTION_FEEDBACK", risk);
  return { signOff: signOff.amount * MIN, feedback: feedback.amount * MIN };
}

export interface StoryStart {
  id: string;
  alertId: string;
  kind: InstructionKind;
  riskLevel: RiskLevel;
  issuerUnitId: string;
  /** How long after a deadline the worker's sweep marks it (it runs every minute or so). */
  sweepLagMs: number;
}

/**
 * Plays `steps` (in time order; the first is ISSUED) and the sweep between them, up to `cutoff`.
 * Steps after the cutoff have not happened yet.
 */
export function playStory(start: StoryStart, steps: readonly Step[], cutoff: number): Story {
  const first = steps[0];
  if (!first || first.kind !== "ISSUED") throw new Error("a story starts with ISSUED");
  const { signOff: signOffMs, feedback: feedbackMs } = intervalsOf(start.riskLevel);
  const lag = Math.floor(start.sweepLagMs);
  const id = start.id;

  const row: InstructionRow = {
    id, alertId: start.alertId, kind: start.kind, riskLevel: start.riskLevel, status: "AT_DISTRICT",
    districtId: first.target.districtId, stationId: null, issuerUnitId: start.issuerUnitId, issuedById: first.userId,
    note: first.note, issuedAt: first.at, routedAt: first.at, signOffDeadline: 0, feedbackDeadline: 0, escalateAt: 0,
    signOffOverdueAt: null, feedbackOverdueAt: null, escalatedAt: null, nextReminderAt: null, signedOffAt: null,
    signedOffById: null, team: null, checkedInAt: null, checkInLocation: null, visitAttempts: 0, declineReason: null,
    suggestedStationId: null, declinedFromStationId: null, feedbackDraft: null, feedbackDraftAt: null, feedbackOutcome: null, feedback: null,
    reportedAt: null, reportedById: null, closedAt: null, closedById: null, followUpDueAt: null, version: 1,
  };
  const story: Story = { instruction: row, events: [], overdues: [], notice: null, firstCheckInAt: null, lastOverdueAt: null, lastChasedAt: null, lastSentBackAt: null };
  const holder = () => row.stationId ?? row.districtId;
  const event = (at: number, kind: InstructionEventKind, userId: string | null, unitId: string | null, text: string | null = null, data: unknown = null) =>
    story.events.push({ instructionId: id, at, userId, kind, unitId, text, data: data === null ? null : JSON.stringify(data) });

  const route = (at: number, target: Target) => {
    row.routedAt = at;
    const d = routingDeadlines(new Date(row.issuedAt), new Date(at), { signOff: new Date(at + signOffMs), feedback: new Date(at + feedbackMs) });
    row.signOffDeadline = d.signOffDeadline.getTime();
    row.feedbackDeadline = d.feedbackDeadline.getTime();
    // Twice the feedback interval from the first dispatch: a re-route does not move it.
    if (row.escalateAt === 0) row.escalateAt = d.escalateAt.getTime();
    row.signOffOverdueAt = null;
    row.feedbackOverdueAt = null;
    row.districtId = target.districtId;
    row.stationId = target.stationId;
    row.status = target.stationId ? "AT_STATION" : "AT_DISTRICT";
  };

  const markOverdue = (kind: OverdueKind, deadline: number, at: number) => {
    story.overdues.push({ instructionId: id, districtId: row.districtId, stationId: row.stationId, kind, deadline, markedAt: at });
    event(at, "OVERDUE", null, holder(), null, { deadline: kind });
    story.lastOverdueAt = at;
  };

  // The sweep: the next thing it would do, if anything, and when.
  const nextSweep = (): { at: number; run: () => void } | null => {
    const running = RUNNING_STATUSES.includes(row.status);
    const candidates: { at: number; run: () => void }[] = [];
    if (AWAITING_SIGN_OFF.includes(row.status) && row.signOffOverdueAt === null) {
      const at = row.signOffDeadline + lag;
      candidates.push({ at, run: () => { row.signOffOverdueAt = at; markOverdue("SIGN_OFF", row.signOffDeadline, at); } });
    }
    if (running && row.feedbackOverdueAt === null) {
      const at = row.feedbackDeadline + lag;
      candidates.push({ at, run: () => { row.feedbackOverdueAt = at; markOverdue("FEEDBACK", row.feedbackDeadline, at); } });
    }
    if (running && row.escalatedAt === null) {
      const at = row.escalateAt + lag;
      candidates.push({
        at,
        run: () => {
          row.escalatedAt = at;
          row.nextReminderAt = at + feedbackMs;
          story.notice = {
            instructionId: id, districtId: row.districtId, stationId: row.stationId, raisedAt: at, replyRequiredAt: null,
            replyRequiredById: null, reply: null, repliedAt: null, repliedById: null, version: 1,
          };
          event(at, "ESCALATED", null, holder());
        },
      });
    }
    if (running && row.nextReminderAt !== null) {
      const at = row.nextReminderAt;
      candidates.push({ at, run: () => { row.nextReminderAt = at + feedbackMs; event(at, "REMINDED", null, holder()); } });
    }
    if (candidates.length === 0) return null;
    return candidates.reduce((a, b) => (b.at < a.at ? b : a));
  };
  const sweepUntil = (t: number) => {
    for (let next = nextSweep(); next && next.at <= t; next = nextSweep()) next.run();
  };

  for (const step of steps) {
    if (step.at > cutoff) break;
    if (step.kind !== "ISSUED") sweepUntil(step.at);
    if (step.kind !== "DRAFT") row.version++;
    switch (step.kind) {
      case "ISSUED":
        route(step.at, step.target);
        row.version = 1;
        event(step.at, "ISSUED", step.userId, holder(), step.note, { kind: start.kind });
        break;
      case "FORWARDED":
        // Forwarding inside the district keeps the deadlines (they restart only on a re-route).
        row.stationId = step.stationId;
        row.status = "AT_STATION";
        event(step.at, "FORWARDED", step.userId, step.stationId, step.note);
        break;
      case "REROUTED": {
        const from = row.stationId;
        route(step.at, step.target);
        row.signedOffAt = null;
        row.signedOffById = null;
        row.declineReason = null;
        row.suggestedStationId = null;
        event(step.at, "REROUTED", step.userId, holder(), step.note, { from });
        break;
      }
      case "SIGNED_OFF":
        row.status = "SIGNED_OFF";
        row.signedOffAt = step.at;
        row.signedOffById = step.userId;
        event(step.at, "SIGNED_OFF", step.userId, holder());
        break;
      case "DECLINED": {
        const from = row.stationId;
        event(step.at, "DECLINED", step.userId, from, step.note, { reason: step.reason, suggestedStationId: step.suggestedStationId });
        row.status = "DECLINED";
        row.declinedFromStationId = from;
        row.stationId = null;
        row.declineReason = step.reason;
        row.suggestedStationId = step.suggestedStationId;
        break;
      }
      case "TEAM_SET":
        row.team = step.team;
        event(step.at, "TEAM_SET", step.userId, holder(), null, step.team);
        break;
      case "CHECKED_IN":
        row.status = "ON_SITE";
        row.checkedInAt = step.at;
        row.checkInLocation = step.location;
        story.firstCheckInAt ??= step.at;
        event(step.at, "CHECKED_IN", step.userId, holder(), step.location);
        break;
      case "VISIT_ATTEMPT":
        row.status = "SIGNED_OFF";
        row.visitAttempts++;
        event(step.at, "VISIT_ATTEMPT", step.userId, holder(), step.note);
        break;
      case "DRAFT":
        row.feedbackDraft = step.draft;
        row.feedbackDraftAt = step.at;
        break;
      case "FEEDBACK": {
        const f = step.feedback;
        row.status = "REPORTED";
        row.feedbackOutcome = f.outcome;
        row.feedback = f;
        row.reportedAt = step.at;
        row.reportedById = step.userId;
        row.feedbackDraft = null;
        row.feedbackDraftAt = null;
        row.nextReminderAt = null;
        event(step.at, "FEEDBACK", step.userId, holder(), f.note, { outcome: f.outcome, metPerson: f.metPerson, checks: f.checks, lossAvoidedFen: f.lossAvoidedFen, lossFen: f.lossFen });
        break;
      }
      case "SENT_BACK": {
        // Back to the station for more work: the outcome is to be given again; what was reported
        // becomes the draft the officers start from.
        const f = row.feedback;
        event(step.at, "SENT_BACK", step.userId, holder(), step.note, { outcome: row.feedbackOutcome });
        row.feedbackDraft = {
          outcome: row.feedbackOutcome ?? undefined,
          metPerson: f ? (f.metPerson ? "yes" : "no") : undefined,
          checks: f?.checks ?? [],
          lossAvoidedYuan: f?.lossAvoidedFen ? yuan(f.lossAvoidedFen) : undefined,
          lossYuan: f?.lossFen ? yuan(f.lossFen) : undefined,
          note: f?.note ?? undefined,
        };
        row.feedbackDraftAt = step.at;
        row.status = "SIGNED_OFF";
        row.feedbackOutcome = null;
        row.reportedAt = null;
        row.reportedById = null;
        story.lastSentBackAt = step.at;
        break;
      }
      case "CHASED":
        story.lastChasedAt = step.at;
        event(step.at, "CHASED", step.userId, holder(), step.note);
        break;
      case "REPLY_REQUIRED":
        if (!story.notice) throw new Error("a reply is required on a supervision notice");
        story.notice.replyRequiredAt = step.at;
        story.notice.replyRequiredById = step.userId;
        story.notice.version++;
        event(step.at, "REPLY_REQUIRED", step.userId, null, step.note);
        break;
      case "REPLIED":
        if (!story.notice) throw new Error("a reply answers a supervision notice");
        story.notice.reply = step.reply;
        story.notice.repliedAt = step.at;
        story.notice.repliedById = step.userId;
        story.notice.version++;
        event(step.at, "REPLIED", step.userId, null, step.reply);
        break;
      case "CLOSED": {
        row.status = "CLOSED";
        row.closedAt = step.at;
        row.closedById = step.userId;
        row.followUpDueAt = step.followUpDueAt;
        row.nextReminderAt = null;
        // The review applies the feedback to the alert (lib/server/instructions/close-instruction.ts records what it did).
        const effect = row.feedbackOutcome ? alertEffectOf(row.feedbackOutcome) : { kind: "none" as const };
        const alert = effect.kind === "close" ? { alert: "closed", outcome: effect.outcome } : effect.kind === "join" ? { alert: "joined" } : { alert: "unchanged" };
        event(step.at, "CLOSED", step.userId, null, null, { alert, followUpId: null });
        break;
      }
    }
  }
  if (RUNNING_STATUSES.includes(row.status)) sweepUntil(cutoff);
  return story;
}

/** The unread notifications an open instruction leaves with the people it waits on. */
export function openNotifications(
  story: Story,
  who: { stationOfficer: (stationId: string) => string | undefined; coordinator: (districtId: string) => string | undefined; supervisors: readonly string[]; issuerUsers: readonly string[] },
): NotificationRow[] {
  const row = story.instruction;
  const out: NotificationRow[] = [];
  const add = (userId: string | undefined, kind: NotificationKind, at: number | null) => {
    if (userId && at !== null && !out.some((n) => n.userId === userId && n.kind === kind)) out.push({ userId, kind, instructionId: row.id, createdAt: at });
  };
  const officer = row.stationId ? who.stationOfficer(row.stationId) : undefined;
  const coordinator = who.coordinator(row.districtId);
  const lastEvent = (kind: InstructionEventKind) => story.events.filter((e) => e.kind === kind).at(-1)?.at ?? null;
  const received = Math.max(lastEvent("ISSUED") ?? 0, lastEvent("FORWARDED") ?? 0, lastEvent("REROUTED") ?? 0);
  switch (row.status) {
    case "AT_STATION":
      add(officer, "INSTRUCTION_NEW", received);
      break;
    case "AT_DISTRICT":
      add(coordinator, "INSTRUCTION_NEW", received);
      break;
    case "DECLINED":
      for (const u of who.issuerUsers) add(u, "INSTRUCTION_DECLINED", lastEvent("DECLINED"));
      add(coordinator, "INSTRUCTION_DECLINED", lastEvent("DECLINED"));
      break;
    case "REPORTED":
      for (const u of who.issuerUsers) add(u, "INSTRUCTION_REPORTED", row.reportedAt);
      break;
    default:
      break;
  }
  if (!RUNNING_STATUSES.includes(row.status)) return out;
  if (row.signOffOverdueAt !== null || row.feedbackOverdueAt !== null) {
    add(officer, "INSTRUCTION_OVERDUE", story.lastOverdueAt);
    add(coordinator, "INSTRUCTION_OVERDUE", story.lastOverdueAt);
  }
  if (story.notice) {
    add(officer, "SUPERVISION_NOTICE", story.notice.raisedAt);
    add(coordinator, "SUPERVISION_NOTICE", story.notice.raisedAt);
    for (const u of who.supervisors) add(u, "SUPERVISION_NOTICE", story.notice.raisedAt);
    if (story.notice.replyRequiredAt !== null && story.notice.repliedAt === null) add(officer, "REPLY_REQUIRED", story.notice.replyRequiredAt);
    if (story.notice.repliedAt !== null) {
      for (const u of who.supervisors) add(u, "SUPERVISION_REPLIED", story.notice.repliedAt);
    }
  }
  if (story.lastChasedAt !== null) add(officer, "INSTRUCTION_CHASED", story.lastChasedAt);
  if (story.lastSentBackAt !== null && row.status === "SIGNED_OFF") add(officer, "INSTRUCTION_SENT_BACK", story.lastSentBackAt);
  return out;
}
