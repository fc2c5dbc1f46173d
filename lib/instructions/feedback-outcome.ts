// What the officers' feedback means for the alert when the issuer closes the instruction (结).
// Pure, so the mapping is unit-tested. 暂时找不到 leaves the alert open: another visit follows.
import type { AlertOutcome, FeedbackOutcome } from "@/prisma/generated/client/enums";

export type AlertEffect =
  /** The alert closes with this outcome (已被骗 also opens or joins the case, with the loss). */
  | { kind: "close"; outcome: AlertOutcome }
  /** 重复预警: the alert joins the open alert of the same person. */
  | { kind: "join" }
  /** The alert stays open. */
  | { kind: "none" };

export const FEEDBACK_OUTCOMES: readonly FeedbackOutcome[] = ["DISSUADED", "DEFRAUDED", "NOT_FOUND", "NOT_THE_PERSON", "DUPLICATE", "NOT_FOUND_YET"];

export function alertEffectOf(outcome: FeedbackOutcome): AlertEffect {
  switch (outcome) {
    case "DISSUADED":
      return { kind: "close", outcome: "DISSUADED" };
    case "DEFRAUDED":
      return { kind: "close", outcome: "DEFRAUDED" };
    case "NOT_FOUND":
      return { kind: "close", outcome: "UNREACHABLE" };
    case "NOT_THE_PERSON":
      return { kind: "close", outcome: "FALSE_ALARM" };
    case "DUPLICATE":
      return { kind: "join" };
    case "NOT_FOUND_YET":
      return { kind: "none" };
  }
}

/** What the officers may record as checked on the person's phone (查看通话短信、聊天软件、涉诈APP、大额转账). */
export const FEEDBACK_CHECKS = ["CALL_SMS_LOG", "CHAT_APPS", "FRAUD_APPS", "LARGE_TRANSFERS"] as const;
export type FeedbackCheck = (typeof FEEDBACK_CHECKS)[number];
