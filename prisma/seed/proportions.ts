// The shape of the demo data, taken from the news reports in /work/shared/seeds (see
// /work/shared/DOMAIN.md for the figures):
//
// - Volume grows toward the present: Guangzhou handled 6.1万 alerts a day in 2023, +126% YoY;
//   Nanning's Jan–Aug 2021 warnings were 3.13× the whole of 2020. The daily rate at the end of
//   the 12 months is about 2.3× the rate at the start (ALERT_GROWTH).
// - Sources (国家/省厅/市本级/银行/运营商/96110) ≈ 30/15/20/12/15/8 %. Most warnings come down
//   from the national and provincial platforms; Datong's 2,930 fund-warning instructions (bank
//   monitoring) are a minority of the total.
// - Risk: Nanchang had 31,000 high-risk among 95,000 alerts in 4 months (≈33% high or urgent):
//   LOW 30 %, MEDIUM 37 %, HIGH 27 %, URGENT 6 %. Bank fund warnings are skewed towards
//   HIGH/URGENT (a transfer is under way), the other sources are adjusted so that the city-wide
//   marginal stays as above.
// - Fraud types follow the national ranking (刷单返利 first, then investment, loans, fake
//   customer service, impersonating police …): 24/15/12/12/8/7/6/5/4/4/1/2 %.
// - Outcomes: the centers report a 100% handled rate (Wuhan-Xinzhou: 2,674 instructions, 100%
//   handled) and ~80% of people reached by phone recognise the fraud: DISSUADED 82 %,
//   FALSE_ALARM 8 %, UNREACHABLE 7 %, DEFRAUDED 3 % (losses 2万–50万, occasionally 198万 as in
//   the Guangzhou stop-payment story).
// - Channels: phone first (~75 % of attempts), door visits for high/urgent risk; successful
//   face-to-face dissuasions ≈ 25–30 % of phone ones (Guangzhou: 2.33M by phone, 892k face to
//   face).
// - Repeats: ≈8 % of people have 2–4 alerts, the same phone back within days; ≈1 % of alerts
//   are repeats merged (JOINED) into an earlier alert of the same person within 72 h.
import type { FraudType, RiskLevel, AlertOutcome } from "@/prisma/generated/client/enums";
import { Weighted } from "./random";

export const ALERT_GROWTH = 1.3; // density ∝ 1 + ALERT_GROWTH·x, x ∈ [0,1] from a year ago to now

export type SourceCode = "national" | "provincial" | "city-analysis" | "bank-monitor" | "telecom" | "hotline-96110";

export const SOURCE_SHARE = new Weighted<SourceCode>([
  ["national", 30], ["provincial", 15], ["city-analysis", 20],
  ["bank-monitor", 12], ["telecom", 15], ["hotline-96110", 8],
]);

/** External-id prefixes per source, e.g. NAT-2026-00012345. */
export const EXTERNAL_ID_PREFIX: Record<SourceCode, string> = {
  national: "NAT",
  provincial: "PROV",
  "city-analysis": "CITY",
  "bank-monitor": "BANK",
  telecom: "TEL",
  "hotline-96110": "HL",
};

// Overall LOW 30 / MEDIUM 37 / HIGH 27 / URGENT 6. Bank monitoring (12 % of alerts) is
// 5/25/50/20; the rest (88 %) is solved so that the marginal comes out right.
export const RISK_BANK = new Weighted<RiskLevel>([["LOW", 5], ["MEDIUM", 25], ["HIGH", 50], ["URGENT", 20]]);
export const RISK_OTHER = new Weighted<RiskLevel>([
  ["LOW", (30 - 0.12 * 5) / 0.88], ["MEDIUM", (37 - 0.12 * 25) / 0.88],
  ["HIGH", (27 - 0.12 * 50) / 0.88], ["URGENT", (6 - 0.12 * 20) / 0.88],
]);

export const FRAUD_TYPE_SHARE = new Weighted<FraudType>([
  ["REBATE_TASK", 24], ["FAKE_INVESTMENT", 15], ["FAKE_LOAN", 12], ["FAKE_CUSTOMER_SERVICE", 12],
  ["IMPERSONATE_AUTHORITY", 8], ["IMPERSONATE_ACQUAINTANCE", 7], ["FAKE_CREDIT", 6],
  ["FAKE_SHOPPING", 5], ["GAME_TRADING", 4], ["ROMANCE", 4], ["IMPERSONATE_MILITARY", 1], ["OTHER", 2],
]);

export const OUTCOME_SHARE = new Weighted<AlertOutcome>([
  ["DISSUADED", 82], ["UNREACHABLE", 7], ["FALSE_ALARM", 8], ["DEFRAUDED", 3],
]);

/**
 * Age bands of the people at risk by fraud type: [minAge, maxAge, weight][]. The elderly are
 * over-represented for 冒充公检法 and "other" (保健品、养老投资 …), the young for game trading,
 * rebate tasks and fake credit repair.
 */
export const AGE_BANDS: Record<FraudType, readonly (readonly [number, number, number])[]> = {
  REBATE_TASK: [[18, 25, 35], [26, 35, 40], [36, 50, 20], [51, 65, 5]],
  FAKE_INVESTMENT: [[22, 35, 25], [36, 50, 40], [51, 65, 25], [66, 80, 10]],
  FAKE_LOAN: [[20, 30, 40], [31, 45, 45], [46, 60, 15]],
  FAKE_CUSTOMER_SERVICE: [[18, 30, 35], [31, 45, 35], [46, 65, 25], [66, 80, 5]],
  IMPERSONATE_AUTHORITY: [[20, 35, 15], [36, 55, 25], [56, 70, 35], [71, 85, 25]],
  IMPERSONATE_ACQUAINTANCE: [[25, 40, 20], [41, 60, 45], [61, 80, 35]],
  FAKE_CREDIT: [[20, 30, 50], [31, 45, 45], [46, 55, 5]],
  FAKE_SHOPPING: [[16, 25, 35], [26, 40, 45], [41, 60, 20]],
  GAME_TRADING: [[16, 20, 55], [21, 28, 40], [29, 40, 5]],
  ROMANCE: [[22, 30, 30], [31, 45, 45], [46, 60, 20], [61, 70, 5]],
  IMPERSONATE_MILITARY: [[28, 40, 40], [41, 60, 60]],
  OTHER: [[30, 50, 15], [51, 65, 25], [66, 85, 60]],
};

/** Hour-of-day weights (Beijing time): few alerts at night, peaks mid-morning and evening. */
export const HOUR_WEIGHTS = new Weighted<number>(
  [1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3.5, 4, 4, 3.5, 3.5, 4, 4, 4, 3.5, 3.5, 4, 4.5, 4, 3, 2].map(
    (w, h) => [h, w] as const,
  ),
);

/** Share of people with 2–4 alerts (the same phone back within days). */
export const REPEAT_PERSON_SHARE = 0.08;
/** Probability that a repeat within 72 h of the previous alert is merged (JOINED). */
export const JOIN_PROBABILITY = 0.1;
/** Share of all alerts placed in the last OPEN_WINDOW_MS (still open): ≈60 of 20,000. */
export const RECENT_SHARE = 0.003;
/** Share of ID numbers known for a person. */
export const ID_NUMBER_SHARE = 0.4;
/** One in this many open alerts has no known jurisdiction (station and district null). */
export const UNKNOWN_JURISDICTION_EVERY = 50;
/** Share of closed alerts whose first contact came after the deadline. */
export const LATE_FIRST_CONTACT_SHARE = 0.07;

// ── Instructions (指令) down the chain, on the alerts above ──
// - Wuhan sends high and urgent alerts to the station at once, in parallel with the phone call;
//   Datong: 2,930 fund-warning instructions, 2,372 face-to-face dissuasions (≈81 %). So most high
//   and urgent alerts had a door visit (上门劝阻), and every alert whose attempts include one did.
// - Medium risk: a phone follow-up (电话回访) by the station for some, after the center's own call.
// - Most go straight to the station; some through the district (分局), which forwards them.
// - Some are sent to the wrong station, which lets the sign-off deadline pass and declines (not our
//   jurisdiction); the issuer re-routes (首接负责制). Some late sign-offs and late feedback, more at
//   some stations than others (STATION_DILIGENCE), so the monthly rankings have something to rank;
//   a few run past twice the feedback time and are escalated (督办单).
// - A person not found at the first visit of an 无法联系 alert is sought again (查找落地).
/** Share of closed or claimed high/urgent alerts (without a door-visit attempt) that had a door visit. */
export const DOOR_VISIT_SHARE_HIGH = 0.85;
/** Share of medium alerts with a phone follow-up by the station. */
export const PHONE_FOLLOW_UP_SHARE_MEDIUM = 0.12;
/** Share of low alerts with a phone follow-up. */
export const PHONE_FOLLOW_UP_SHARE_LOW = 0.01;
/** Share of city instructions routed through the district rather than straight to the station. */
export const VIA_DISTRICT_SHARE = { high: 0.2, other: 0.6 } as const;
/** Share of phone follow-ups a district issues itself (its coordinator, to one of its stations). */
export const DISTRICT_ISSUED_SHARE = 0.08;
/** Share of instructions first sent to the wrong station (declined, then re-routed). */
export const REROUTE_SHARE = 0.03;
/** Of re-routed ones, the share whose wrong station was in the same district. */
export const REROUTE_SAME_DISTRICT = 0.7;
/** Base shares of late sign-off / late feedback, times the station's diligence factor. */
export const LATE_SIGN_OFF_SHARE = 0.08;
export const LATE_FEEDBACK_SHARE = 0.06;
/** Of late feedback, the share so late that it is escalated (twice the feedback time from dispatch). */
export const ESCALATED_SHARE_OF_LATE = 0.15;
/** A station's lateness factor is drawn log-uniformly in this range. */
export const STATION_DILIGENCE = [0.3, 2.5] as const;
/** Share of 无法联系 door visits that first reported 暂时找不到 and were sought again (LOCATE). */
export const SOUGHT_AGAIN_SHARE = 0.4;
/** Share of reviewed feedback sent back for more work once. */
export const SENT_BACK_SHARE = 0.02;

// ── Money (止付、冻结、返还) on the cases of alerts closed as 已被骗 (money-plan.ts) ──
// - Transfers: most victims sent the money in 1–3 transfers, some in many (investment and rebate
//   frauds draw them in step by step), mostly round sums, to the fraudster's accounts at banks and
//   payment institutions. Nanchang froze 10,800 accounts in 4 months with 95,000 alerts (≈ 0.11 per
//   alert; our cases come from 3 % of the alerts, so each case has several accounts).
// - "分钟级止付": a stop is filed within minutes of the report (median ≈ 4 min), some slower; the
//   banks at the desks accept at once and answer within minutes (Xiamen stopped ¥198万 in 4
//   minutes). Results: all held, part (Guangzhou: 167.4万 of 198万), none (the money had moved on:
//   the bank names the next accounts, each stopped in turn), or refused (details do not match;
//   or the account was already stopped twice, the legal limit).
// - 先止付、再立案、后冻结: most effective stops are followed by a freeze within the 48 hours
//   (approved by the leader, 6 months), a few only after the stop lapsed (the money partly gone).
//   Returns (原路返还) come one to three months later for most frozen money; freezes still holding
//   money near their end are renewed; a few are lifted (解冻).
/** Level-1 transfers per case (before the seed's money factor). */
export const LEVEL1_TRANSFERS = new Weighted<number>([[1, 30], [2, 30], [3, 22], [4, 8], [5, 5], [6, 3], [8, 2]]);
/** Fraud types whose victims pay over days rather than minutes. */
export const SLOW_PAYING_TYPES: ReadonlySet<FraudType> = new Set(["FAKE_INVESTMENT", "ROMANCE", "REBATE_TASK"]);
/** Receiving institutions of fraud money, by code (the desk banks, three others, two payment institutions). */
export const RECEIVING_BANK_SHARE = new Weighted<string>([
  ["ICBC", 15], ["ABC", 12], ["CCB", 12], ["BOC", 9], ["BOCOM", 6], ["CMB", 8], ["PSBC", 8],
  ["CIB", 5], ["SPDB", 4], ["CITIC", 4], ["ALIPAY", 10], ["TENPAY", 7],
]);
/** The victims' own banks (the account the money left from). */
export const VICTIM_BANK_SHARE = new Weighted<string>([["ICBC", 22], ["ABC", 18], ["CCB", 18], ["BOC", 12], ["BOCOM", 7], ["CMB", 10], ["PSBC", 13]]);
export type StopResult = "full" | "part" | "zero" | "refused";
export const STOP_RESULT_BANK = new Weighted<StopResult>([["full", 38], ["part", 27], ["zero", 27], ["refused", 8]]);
/** Payment institutions pass money on faster. */
export const STOP_RESULT_PAYMENT = new Weighted<StopResult>([["full", 25], ["part", 25], ["zero", 42], ["refused", 8]]);
/** Share of stops filed slowly (12–90 minutes after the report instead of a few minutes). */
export const SLOW_STOP_SHARE = 0.12;
/** When a stop held nothing or part, the share where the bank named accounts the money went on to. */
export const MOVED_ON_SHARE = { zero: 0.9, part: 0.5 } as const;
/** Share of effective stops followed by a freeze; of those, the share filed after the stop lapsed. */
export const FREEZE_SHARE = 0.8;
export const LATE_FREEZE_SHARE = 0.06;
/** Share of freezes first filed twice by mistake (the duplicate cancelled). */
export const CANCELLED_FREEZE_SHARE = 0.02;
/** Of frozen money: share returned (after 30–90 days), share lifted, share renewed near the end. */
export const RETURN_SHARE = 0.65;
export const UNFREEZE_SHARE = 0.03;
export const RENEW_SHARE = 0.7;
/** Share of cases older than 60 days mirrored as solved (破案) from the case system. */
export const SOLVED_SHARE = 0.15;
