// The indicators districts and stations are ranked by each month (督: 排名), defined once: the
// rankings page computes them from the raw tables today, the results issue will compute the same
// counts into rollups and call the same functions. docs/decisions/019-rankings.md explains the
// choices; the counts are:
//
// - receipts: routings the unit received in the month — instruction_event rows of kind
//   RECEIPT_EVENT_KINDS whose unit_id is the unit (a station; for a district, the district itself
//   or any of its stations), dated in the month (Asia/Shanghai);
// - onTimeSignOffs / onTimeFeedbacks: those receipts for which no instruction_overdue row of that
//   kind charges the unit that received it (COALESCE(station_id, district_id) = unit_id) with a
//   deadline of that routing (at or after the receipt, before the instruction's next receipt);
// - metFaceToFace: feedback given in the month (reported_at in the month, instruction REPORTED or
//   CLOSED: feedback sent back is not counted until it is given again) with met_person = true,
//   counted for the station that gave it (and its district);
// - dissuaded / defrauded: the same feedback with outcome DISSUADED / DEFRAUDED.
import type { FeedbackOutcome, InstructionEventKind, InstructionStatus, OverdueKind } from "@/prisma/generated/client/enums";

/** Timeline events that hand an instruction to a unit: a dispatch, a forward, a re-route. */
export const RECEIPT_EVENT_KINDS = ["ISSUED", "FORWARDED", "REROUTED"] as const satisfies readonly InstructionEventKind[];
/** Statuses in which an instruction's feedback stands (given, and not sent back). */
export const FEEDBACK_STANDING_STATUSES = ["REPORTED", "CLOSED"] as const satisfies readonly InstructionStatus[];
export const DISSUADED_OUTCOME = "DISSUADED" as const satisfies FeedbackOutcome;
export const DEFRAUDED_OUTCOME = "DEFRAUDED" as const satisfies FeedbackOutcome;

export const RANKING_INDICATORS = ["onTimeSignOff", "onTimeFeedback", "metFaceToFace", "dissuasionRate"] as const;
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];

/** Which overdue mark spoils which on-time rate. */
export const OVERDUE_KIND_OF: Record<"onTimeSignOff" | "onTimeFeedback", OverdueKind> = { onTimeSignOff: "SIGN_OFF", onTimeFeedback: "FEEDBACK" };

/** A rate in [0, 1], or a count of people. Higher is better for every indicator. */
export const INDICATOR_KIND: Record<RankingIndicator, "rate" | "count"> = {
  onTimeSignOff: "rate",
  onTimeFeedback: "rate",
  metFaceToFace: "count",
  dissuasionRate: "rate",
};

/** What a unit did in a month: the numerators and denominators of every indicator. */
export interface RankingCounts {
  receipts: number;
  onTimeSignOffs: number;
  onTimeFeedbacks: number;
  metFaceToFace: number;
  dissuaded: number;
  defrauded: number;
}

export const NO_COUNTS: RankingCounts = { receipts: 0, onTimeSignOffs: 0, onTimeFeedbacks: 0, metFaceToFace: 0, dissuaded: 0, defrauded: 0 };

export function addCounts(a: RankingCounts, b: RankingCounts): RankingCounts {
  return {
    receipts: a.receipts + b.receipts,
    onTimeSignOffs: a.onTimeSignOffs + b.onTimeSignOffs,
    onTimeFeedbacks: a.onTimeFeedbacks + b.onTimeFeedbacks,
    metFaceToFace: a.metFaceToFace + b.metFaceToFace,
    dissuaded: a.dissuaded + b.dissuaded,
    defrauded: a.defrauded + b.defrauded,
  };
}

/** An indicator's numerator and denominator (the denominator of a count is null). */
export function indicatorFraction(indicator: RankingIndicator, c: RankingCounts): { numerator: number; denominator: number | null } {
  switch (indicator) {
    case "onTimeSignOff":
      return { numerator: c.onTimeSignOffs, denominator: c.receipts };
    case "onTimeFeedback":
      return { numerator: c.onTimeFeedbacks, denominator: c.receipts };
    case "metFaceToFace":
      return { numerator: c.metFaceToFace, denominator: null };
    case "dissuasionRate":
      return { numerator: c.dissuaded, denominator: c.dissuaded + c.defrauded };
  }
}

/** The indicator's value; null for a rate with nothing to divide by (the unit is then not ranked on it). */
export function indicatorValue(indicator: RankingIndicator, c: RankingCounts): number | null {
  const { numerator, denominator } = indicatorFraction(indicator, c);
  if (denominator === null) return numerator;
  return denominator === 0 ? null : numerator / denominator;
}

/** Colour bands: top quartile (green), the middle half (no colour), bottom quartile (red). */
export type Band = "top" | "middle" | "bottom";

/** Fewer units than this with a value: no bands at all (a quartile of three units means nothing). */
export const MIN_UNITS_FOR_BANDS = 4;

/**
 * The band of each value among `values` (null: not ranked, no band). A unit is in the top
 * quartile when fewer than a quarter of the ranked units do strictly better
 * (1 + #better ≤ n/4), in the bottom quartile when fewer than a quarter do strictly worse; tied
 * values get the same band; a value that would be both (all units tied, or nearly) is in the
 * middle. With fewer than MIN_UNITS_FOR_BANDS ranked units every band is null.
 */
export function quartileBands(values: readonly (number | null)[]): (Band | null)[] {
  const ranked = values.filter((v): v is number => v !== null);
  const n = ranked.length;
  if (n < MIN_UNITS_FOR_BANDS) return values.map(() => null);
  const quarter = n / 4;
  return values.map((v) => {
    if (v === null) return null;
    let better = 0;
    let worse = 0;
    for (const other of ranked) {
      if (other > v) better++;
      else if (other < v) worse++;
    }
    const top = 1 + better <= quarter;
    const bottom = 1 + worse <= quarter;
    if (top && !bottom) return "top";
    if (bottom && !top) return "bottom";
    return "middle";
  });
}
