// The built-in deadline rules: the same values the groundwork migration inserts as the
// installation's defaults, used when a database somehow holds no row for a kind (and by tests
// as the expected starting point). Sources: Wuhan's first-contact practice; one town's rule for
// high risk (phone within 5 minutes, at the door within 1 hour); the police–bank rules (a stop
// answered within 30 minutes, a return completed within 3 working days).
import type { DeadlineKind, DeadlineUnit, RiskLevel } from "@/prisma/generated/client/enums";

export interface DeadlineValue {
  amount: number;
  unit: DeadlineUnit;
}

/** Kinds whose deadline depends on the risk level; the others have one value for every level. */
export const RISK_KEYED_KINDS = ["FIRST_CONTACT", "INSTRUCTION_SIGN_OFF", "INSTRUCTION_FEEDBACK"] as const satisfies readonly DeadlineKind[];

/** Kinds whose deadline may be counted in working days (the bank's longer steps). */
export const WORKING_DAY_KINDS = ["BANK_FREEZE", "BANK_RENEW", "BANK_UNFREEZE", "BANK_RETURN"] as const satisfies readonly DeadlineKind[];

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  "FIRST_CONTACT",
  "INSTRUCTION_SIGN_OFF",
  "INSTRUCTION_FEEDBACK",
  "BANK_STOP",
  "BANK_PROTECTIVE_STOP",
  "BANK_FREEZE",
  "BANK_RENEW",
  "BANK_UNFREEZE",
  "BANK_RETURN",
];

const minutes = (amount: number): DeadlineValue => ({ amount, unit: "MINUTES" });

export const DEFAULT_DEADLINES: Record<DeadlineKind, Record<RiskLevel, DeadlineValue> | DeadlineValue> = {
  FIRST_CONTACT: { URGENT: minutes(5), HIGH: minutes(15), MEDIUM: minutes(60), LOW: minutes(1440) },
  INSTRUCTION_SIGN_OFF: { URGENT: minutes(10), HIGH: minutes(30), MEDIUM: minutes(120), LOW: minutes(480) },
  INSTRUCTION_FEEDBACK: { URGENT: minutes(60), HIGH: minutes(240), MEDIUM: minutes(1440), LOW: minutes(4320) },
  BANK_STOP: minutes(30),
  BANK_PROTECTIVE_STOP: minutes(30),
  BANK_FREEZE: minutes(1440),
  BANK_RENEW: minutes(1440),
  BANK_UNFREEZE: minutes(1440),
  BANK_RETURN: { amount: 3, unit: "WORKING_DAYS" },
};

export function isRiskKeyed(kind: DeadlineKind): boolean {
  return (RISK_KEYED_KINDS as readonly DeadlineKind[]).includes(kind);
}

export function defaultDeadline(kind: DeadlineKind, risk: RiskLevel | null): DeadlineValue {
  const d = DEFAULT_DEADLINES[kind];
  if ("amount" in d) return d as DeadlineValue;
  return (d as Record<RiskLevel, DeadlineValue>)[risk ?? "LOW"];
}

/** Minutes up to 30 days; 1–30 working days (the database checks the same: deadline_rule_amount_check). */
export const DEADLINE_LIMITS = { MINUTES: { min: 1, max: 43_200 }, WORKING_DAYS: { min: 1, max: 30 } } as const;
