// The clocks of supervision (督), pure so they are unit-tested with a fake clock. The worker's
// sweep (lib/server/instructions/sweep-supervision.ts) applies the same rules in SQL, with
// conditional updates so that two workers mark and escalate each instruction once.
//
// - Amber (overdue): the sign-off deadline passed before sign-off, or the feedback deadline
//   before the feedback. Deadlines restart when the instruction is re-routed to a new station.
// - Red (escalated): twice the feedback interval after the first dispatch, once, with a
//   supervision notice; then a reminder every feedback interval until the feedback comes.
import type { InstructionStatus } from "@/prisma/generated/client/enums";
import { RUNNING_STATUSES } from "./instruction-state";

const AWAITING_SIGN_OFF: readonly InstructionStatus[] = ["AT_DISTRICT", "AT_STATION"];

export interface ClockedInstruction {
  status: InstructionStatus;
  issuedAt: Date;
  routedAt: Date;
  signOffDeadline: Date;
  feedbackDeadline: Date;
  escalatedAt: Date | null;
}

/** The deadlines of a routing that starts at `routedAt`, given the rules' due times. */
export function routingDeadlines(
  issuedAt: Date,
  routedAt: Date,
  due: { signOff: Date; feedback: Date },
): { signOffDeadline: Date; feedbackDeadline: Date; escalateAt: Date } {
  // An administrator may set a feedback time shorter than the sign-off time; feedback is never due first.
  const feedbackDeadline = due.feedback < due.signOff ? due.signOff : due.feedback;
  return { signOffDeadline: due.signOff, feedbackDeadline, escalateAt: escalationTime(issuedAt, feedbackDeadline.getTime() - routedAt.getTime()) };
}

/** Twice the feedback interval, counted from the first dispatch (a re-route does not reset it). */
export function escalationTime(issuedAt: Date, feedbackIntervalMs: number): Date {
  return new Date(issuedAt.getTime() + 2 * feedbackIntervalMs);
}

export type Urgency = "onTime" | "overdue" | "escalated";

/** The colour band of an open instruction at `now`: on time, amber, red. */
export function urgencyAt(instruction: ClockedInstruction, now: Date): Urgency {
  if (!RUNNING_STATUSES.includes(instruction.status)) return "onTime";
  if (instruction.escalatedAt) return "escalated";
  const t = now.getTime();
  if (AWAITING_SIGN_OFF.includes(instruction.status) && t >= instruction.signOffDeadline.getTime()) return "overdue";
  if (t >= instruction.feedbackDeadline.getTime()) return "overdue";
  return "onTime";
}

/** The deadline the holder works against now: sign-off until signed, then feedback. */
export function currentDeadline(instruction: Pick<ClockedInstruction, "status" | "signOffDeadline" | "feedbackDeadline">): Date | null {
  if (AWAITING_SIGN_OFF.includes(instruction.status)) return instruction.signOffDeadline;
  if (RUNNING_STATUSES.includes(instruction.status)) return instruction.feedbackDeadline;
  return null;
}

/** The reminder after one at `last`: one feedback interval later. */
export function nextReminder(last: Date, feedbackIntervalMs: number): Date {
  return new Date(last.getTime() + feedbackIntervalMs);
}
