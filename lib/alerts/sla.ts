// First-contact deadlines by risk level (Wuhan practice: urgent and high risk are worked at once).
// The values in force are deadline rules (lib/deadlines, kept by admins); these are the built-in
// defaults.
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { DEFAULT_DEADLINES } from "@/lib/deadlines/defaults";

const firstContact = DEFAULT_DEADLINES.FIRST_CONTACT as Record<RiskLevel, { amount: number }>;

export const DEFAULT_FIRST_CONTACT_MINUTES: Record<RiskLevel, number> = {
  URGENT: firstContact.URGENT.amount,
  HIGH: firstContact.HIGH.amount,
  MEDIUM: firstContact.MEDIUM.amount,
  LOW: firstContact.LOW.amount,
};

export function firstContactDeadline(detectedAt: Date, risk: RiskLevel, minutes = DEFAULT_FIRST_CONTACT_MINUTES): Date {
  return new Date(detectedAt.getTime() + minutes[risk] * 60_000);
}

/** Queue order: the higher the risk, the earlier. */
export const RISK_RANK: Record<RiskLevel, number> = { URGENT: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
