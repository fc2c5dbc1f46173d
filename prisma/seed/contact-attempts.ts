// 劝阻记录: the contact attempts of an alert, consistent with its outcome.
//   DISSUADED   → 1–3 attempts, the last one DISSUADED (door visits for high/urgent risk come
//                 after a failed phone call, so they are never the first attempt);
//   UNREACHABLE → 2–4 attempts, all NO_ANSWER or WRONG_NUMBER;
//   FALSE_ALARM → 1 attempt: the person was reached and it turned out to be a normal transfer
//                 (recorded as DISBELIEVES, "does not consider it fraud") or the number was not
//                 theirs (WRONG_NUMBER); never DISSUADED, so counts of people dissuaded stay
//                 equal to the DISSUADED outcomes;
//   DEFRAUDED   → 1–3 attempts, the last one DEFRAUDED.
// Channels: phone first (≈75 % of all attempts), then AI calls, SMS, app push, a relative, and
// door visits (mostly high/urgent; successful face-to-face ≈ 25–30 % of phone dissuasions, cf.
// Guangzhou 2.33M by phone vs 892k face to face).
import type { AlertOutcome, ContactChannel, ContactResult, RiskLevel } from "@/prisma/generated/client/enums";
import { Weighted, type Rng } from "./random";

export interface PlannedAttempt {
  channel: ContactChannel;
  result: ContactResult;
  note: string | null;
}

const MIN = 60_000;

const NOTES: Record<ContactResult, readonly string[]> = {
  DISSUADED: [
    "事主已知晓系诈骗，承诺不再转账", "已劝阻，事主已卸载涉诈App", "经耐心劝说，事主认识到被骗风险",
    "事主表示已识破骗局，已删除对方联系方式", "已提醒事主不听不信不转账",
  ],
  NO_ANSWER: ["电话无人接听", "多次拨打未接通", "对方关机", "占线，稍后再拨"],
  DISBELIEVES: ["事主不相信是诈骗，拒绝沟通", "事主称系正常投资，挂断电话", "事主情绪抵触，需上门劝阻"],
  DEFRAUDED: ["事主已转账，已引导报案并申请紧急止付", "已被骗，转账已完成，移交止付", "事主已按对方要求转账"],
  WRONG_NUMBER: ["号码非本人使用", "空号", "号码已更换机主"],
};
const DOOR_NOTES = ["民警上门见面劝阻，事主已停止转账", "会同网格员上门，当面讲解诈骗手法", "上门后事主识破骗局"];
const FALSE_ALARM_NOTES = ["经核实系正常业务往来，已作防范提醒", "系亲友间正常转账，误报", "事主正常理财，已提醒注意风险"];

const PRIOR_CHANNEL = new Weighted<ContactChannel>([["PHONE", 78], ["AI_CALL", 12], ["SMS", 8], ["APP_PUSH", 2]]);
const PRIOR_RESULT = new Weighted<ContactResult>([["NO_ANSWER", 75], ["DISBELIEVES", 25]]);
const FINAL_DISSUADE_HIGH = new Weighted<ContactChannel>([["DOOR_VISIT", 50], ["PHONE", 40], ["RELATIVE", 5], ["APP_PUSH", 3], ["AI_CALL", 2]]);
const FINAL_DISSUADE_LOW = new Weighted<ContactChannel>([["PHONE", 82], ["DOOR_VISIT", 4], ["SMS", 5], ["AI_CALL", 5], ["APP_PUSH", 2], ["RELATIVE", 2]]);
const UNREACHABLE_CHANNEL = new Weighted<ContactChannel>([["PHONE", 70], ["AI_CALL", 15], ["SMS", 15]]);
const DISSUADED_COUNT = new Weighted<number>([[1, 60], [2, 28], [3, 12]]);

function isHigh(risk: RiskLevel): boolean {
  return risk === "HIGH" || risk === "URGENT";
}

function note(rng: Rng, result: ContactResult, channel: ContactChannel): string | null {
  if (!rng.chance(0.35)) return null;
  if (channel === "DOOR_VISIT" && result === "DISSUADED") return rng.pick(DOOR_NOTES);
  return rng.pick(NOTES[result]);
}

function prior(rng: Rng): PlannedAttempt {
  const channel = rng.weighted(PRIOR_CHANNEL);
  const result = rng.weighted(PRIOR_RESULT);
  return { channel, result, note: note(rng, result, channel) };
}

/** Attempts of a closed alert, in order. */
export function planClosedAttempts(rng: Rng, outcome: AlertOutcome, risk: RiskLevel): PlannedAttempt[] {
  switch (outcome) {
    case "DISSUADED": {
      const channel = rng.weighted(isHigh(risk) ? FINAL_DISSUADE_HIGH : FINAL_DISSUADE_LOW);
      let count = rng.weighted(DISSUADED_COUNT);
      if (channel === "DOOR_VISIT" && count < 2) count = 2;
      const out: PlannedAttempt[] = [];
      for (let i = 1; i < count; i++) out.push(prior(rng));
      out.push({ channel, result: "DISSUADED", note: note(rng, "DISSUADED", channel) });
      return out;
    }
    case "UNREACHABLE": {
      const count = rng.int(2, 4);
      const out: PlannedAttempt[] = [];
      for (let i = 0; i < count; i++) {
        const door = i === count - 1 && isHigh(risk) && rng.chance(0.3);
        const channel: ContactChannel = door ? "DOOR_VISIT" : i === 0 ? "PHONE" : rng.weighted(UNREACHABLE_CHANNEL);
        const result: ContactResult = !door && rng.chance(0.12) ? "WRONG_NUMBER" : "NO_ANSWER";
        out.push({ channel, result, note: door ? (rng.chance(0.5) ? "上门未见到事主，家中无人" : null) : note(rng, result, channel) });
      }
      return out;
    }
    case "FALSE_ALARM": {
      const wrong = rng.chance(0.3);
      return [{
        channel: rng.chance(0.9) ? "PHONE" : "AI_CALL",
        result: wrong ? "WRONG_NUMBER" : "DISBELIEVES",
        note: rng.chance(0.6) ? (wrong ? "号码非本人使用，误报" : rng.pick(FALSE_ALARM_NOTES)) : null,
      }];
    }
    case "DEFRAUDED": {
      const door = isHigh(risk) && rng.chance(0.2);
      const count = Math.max(door ? 2 : 1, rng.int(1, 3));
      const out: PlannedAttempt[] = [];
      for (let i = 1; i < count; i++) out.push({ ...prior(rng), result: "NO_ANSWER" });
      const channel: ContactChannel = door ? "DOOR_VISIT" : "PHONE";
      out.push({ channel, result: "DEFRAUDED", note: rng.chance(0.6) ? rng.pick(NOTES.DEFRAUDED) : null });
      return out;
    }
  }
}

/** 0–2 attempts of a claimed, still open alert (nobody reached yet, or not convinced). */
export function planOpenAttempts(rng: Rng, count: number): PlannedAttempt[] {
  return Array.from({ length: count }, () => prior(rng));
}

/** Gap before an attempt: door visits need travel time, calls follow each other quickly. */
export function gapBefore(rng: Rng, channel: ContactChannel): number {
  return channel === "DOOR_VISIT" ? rng.range(15, 70) * MIN : rng.range(2, 20) * MIN;
}
