// Which rule applies: the most specific one wins. A city's rule for the risk level, then the
// city's rule for every level, then the installation's default for the level, then its default
// for every level, then the built-in value.
import type { DeadlineKind, DeadlineUnit, RiskLevel } from "@/prisma/generated/client/enums";
import { defaultDeadline, type DeadlineValue } from "./defaults";

export interface DeadlineRuleRow {
  cityId: string | null;
  kind: DeadlineKind;
  riskLevel: RiskLevel | null;
  amount: number;
  unit: DeadlineUnit;
}

export interface ResolvedDeadline extends DeadlineValue {
  /** Where the value comes from: the city's own rule, the installation's default, or built in. */
  origin: "city" | "installation" | "builtin";
}

export function resolveDeadlineRule(
  rules: readonly DeadlineRuleRow[],
  target: { cityId: string | null; kind: DeadlineKind; riskLevel: RiskLevel | null },
): ResolvedDeadline {
  const candidates: [string | null, RiskLevel | null][] = [];
  if (target.cityId !== null) candidates.push([target.cityId, target.riskLevel], [target.cityId, null]);
  candidates.push([null, target.riskLevel], [null, null]);
  for (const [cityId, riskLevel] of candidates) {
    const rule = rules.find((r) => r.kind === target.kind && r.cityId === cityId && r.riskLevel === riskLevel);
    if (rule) return { amount: rule.amount, unit: rule.unit, origin: cityId === null ? "installation" : "city" };
  }
  return { ...defaultDeadline(target.kind, target.riskLevel), origin: "builtin" };
}
