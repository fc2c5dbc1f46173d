// First-contact deadlines by risk level (Wuhan practice: urgent and high risk are worked at once).
// These are the defaults (also inserted into sla_rule by its migration); admins change the
// table, and ingestion reads the table.
import type { RiskLevel } from "@/prisma/generated/client/enums";

export const DEFAULT_FIRST_CONTACT_MINUTES: Record<RiskLevel, number> = {
  URGENT: 5,
  HIGH: 15,
  MEDIUM: 60,
  LOW: 24 * 60,
};

export function firstContactDeadline(detectedAt: Date, risk: RiskLevel, minutes = DEFAULT_FIRST_CONTACT_MINUTES): Date {
  return new Date(detectedAt.getTime() + minutes[risk] * 60_000);
}

/** Queue order: the higher the risk, the earlier. */
export const RISK_RANK: Record<RiskLevel, number> = { URGENT: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
