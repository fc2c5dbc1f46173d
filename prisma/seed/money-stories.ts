// Money work written on purpose, so that every money role lands on a screen with work in it
// whatever the size of the seed: every desk bank's liaison has open requests (a stop sent minutes
// ago, one accepted, one past its reply-by, freezes sent and accepted, a return sent), the
// supervisor has freezes and a renewal awaiting approval, the analyst has a stop sent outside the
// console to a payment institution (its answer to record), a stop nearing its 48 hours with no
// freeze, freezes lapsing within 7 days, a third stop refused by the two-stops rule, and the demo
// story: ¥316,819.27 in transit on an open alert. Two warned persons have protective stops on
// their own accounts.
//
// Each story has its own alert (the generator's persons after the instruction scenarios), at one
// of the first district's first three stations (coord.d01, officer.d01s01), worked by the first
// analyst and approved by the leader. Times are minutes relative to now (negative: before).
import type { RiskLevel } from "@/prisma/generated/client/enums";
import type { SourceCode } from "./proportions";

const HOUR = 60;
const DAY = 24 * HOUR;

export type StoryRequestKind = "STOP" | "FREEZE" | "RENEW" | "RETURN";

/** One request as it went; a step missing (or not yet reached) leaves the request where it stands. */
export interface StoryRequest {
  kind: StoryRequestKind;
  filed: number;
  /** Approved by the supervisor (freeze, renewal, return). */
  approved?: number;
  /** Accepted (受理) at the bank's desk. */
  accepted?: number;
  answered?: number;
  /** Share of the asked amount the bank held (stop, freeze); 0 when it had all moved on. */
  held?: number;
  /** A completed return's entries (shares of the asked amount), a day apart up to the answer. */
  returns?: readonly number[];
}

export interface StoryTransfer {
  bank: string;
  amountFen: number;
  at: number;
  requests: readonly StoryRequest[];
  /** Where the money went next: accounts the bank named in its answer to the stop. */
  next?: readonly StoryTransfer[];
}

/** The alert a story is told on: what the generator makes for it. */
export interface StoryAlert {
  /** Still open (claimed by the first analyst), or closed as 已被骗. */
  open: boolean;
  /** Open: detected this many minutes ago. Closed: closed (the case reported) this many minutes ago. */
  minutesAgo: number;
  risk: RiskLevel;
  source?: SourceCode;
  amountInTransferFen?: string;
  lossFen?: string;
  /** Which of the first district's first three stations the person lives in. */
  home: 0 | 1 | 2;
}

export interface MoneyStory {
  name: string;
  alert: StoryAlert;
  /** An open alert's case starts with its first stop (minutes); a closed alert's with its closing. */
  reported?: number;
  /** 立案 (minutes). */
  filed?: number;
  transfers: readonly StoryTransfer[];
  /** No case: a protective stop on the warned person's own account. */
  protective?: { bank: string; amountFen: number; request: StoryRequest };
}

const ago = (days: number, minutes = 0) => -days * DAY + minutes;

export const MONEY_STORIES: readonly MoneyStory[] = [
  {
    name: "in transit: ¥316,819.27, stop sent minutes ago",
    alert: { open: true, minutesAgo: 30, risk: "URGENT", source: "bank-monitor", amountInTransferFen: "31681927", home: 0 },
    reported: -18,
    transfers: [{ bank: "ICBC", amountFen: 31_681_927, at: -26, requests: [{ kind: "STOP", filed: -5 }] }],
  },
  {
    name: "stops this hour: sent, accepted, timed out, and one outside the console",
    alert: { open: false, minutesAgo: 45, risk: "HIGH", lossFen: "9030000", home: 0 },
    transfers: [
      { bank: "BOCOM", amountFen: 1_500_000, at: -55, requests: [{ kind: "STOP", filed: -41 }] },
      { bank: "BOC", amountFen: 4_850_000, at: -62, requests: [{ kind: "STOP", filed: -20, accepted: -17 }] },
      { bank: "ALIPAY", amountFen: 680_000, at: -50, requests: [{ kind: "STOP", filed: -12 }] },
      { bank: "ABC", amountFen: 2_000_000, at: -70, requests: [{ kind: "STOP", filed: -3 }] },
    ],
  },
  {
    name: "money moved on twice; a freeze awaiting approval",
    alert: { open: false, minutesAgo: 150, risk: "URGENT", lossFen: "8200000", home: 1 },
    filed: -90,
    transfers: [
      {
        bank: "CMB", amountFen: 5_000_000, at: -175,
        requests: [{ kind: "STOP", filed: -146, accepted: -145, answered: -135, held: 0 }],
        next: [{
          bank: "CIB", amountFen: 4_800_000, at: -165,
          requests: [{ kind: "STOP", filed: -131, answered: -110, held: 0.5 }],
          next: [{ bank: "TENPAY", amountFen: 2_000_000, at: -150, requests: [{ kind: "STOP", filed: -105, answered: -85, held: 1 }] }],
        }],
      },
      {
        bank: "CCB", amountFen: 3_200_000, at: -168,
        requests: [{ kind: "STOP", filed: -147, accepted: -146, answered: -141, held: 1 }, { kind: "FREEZE", filed: -30 }],
      },
    ],
  },
  {
    name: "a stop nearing its 48 hours with no freeze; another's freeze awaiting approval",
    alert: { open: false, minutesAgo: 2670, risk: "HIGH", lossFen: "9500000", home: 0 },
    filed: -2310,
    transfers: [
      { bank: "PSBC", amountFen: 6_600_000, at: -2700, requests: [{ kind: "STOP", filed: -2666, accepted: -2665, answered: -2640, held: 1 }] },
      {
        bank: "ICBC", amountFen: 2_500_000, at: -2690,
        requests: [{ kind: "STOP", filed: -2664, accepted: -2663, answered: -2655, held: 0.6 }, { kind: "FREEZE", filed: -60 }],
      },
    ],
  },
  {
    name: "freezes at the desks: one sent, one accepted",
    alert: { open: false, minutesAgo: 1560, risk: "HIGH", lossFen: "15500000", home: 2 },
    filed: -1380,
    transfers: [
      {
        bank: "CCB", amountFen: 12_000_000, at: -1590,
        requests: [{ kind: "STOP", filed: -1556, accepted: -1555, answered: -1548, held: 1 }, { kind: "FREEZE", filed: -240, approved: -200 }],
      },
      {
        bank: "CMB", amountFen: 3_000_000, at: -1585,
        requests: [{ kind: "STOP", filed: -1552, accepted: -1550, answered: -1545, held: 0.8 }, { kind: "FREEZE", filed: -300, approved: -280, accepted: -90 }],
      },
    ],
  },
  {
    name: "freezes lapsing within 7 days: one renewal awaiting approval, one not yet filed",
    alert: { open: false, minutesAgo: 180 * DAY, risk: "HIGH", lossFen: "13000000", home: 0 },
    filed: ago(180, 10 * HOUR),
    transfers: [
      {
        bank: "BOC", amountFen: 8_000_000, at: ago(180, -40),
        requests: [
          { kind: "STOP", filed: ago(180, 4), accepted: ago(180, 6), answered: ago(180, 12), held: 1 },
          { kind: "FREEZE", filed: ago(180, 11 * HOUR), approved: ago(180, 12 * HOUR), accepted: ago(180, 13 * HOUR), answered: ago(180, 25 * HOUR), held: 1 },
          { kind: "RENEW", filed: -2 * HOUR },
        ],
      },
      {
        bank: "ABC", amountFen: 4_500_000, at: ago(180, -25),
        requests: [
          { kind: "STOP", filed: ago(180, 6), accepted: ago(180, 7), answered: ago(180, 15), held: 1 },
          { kind: "FREEZE", filed: ago(180, 11 * HOUR), approved: ago(180, 12 * HOUR), accepted: ago(180, 30 * HOUR), answered: ago(178), held: 1 },
        ],
      },
    ],
  },
  {
    name: "returns: one sent to the desk, one completed in two entries",
    alert: { open: false, minutesAgo: 75 * DAY, risk: "URGENT", lossFen: "10000000", home: 1 },
    filed: ago(75, 8 * HOUR),
    transfers: [
      {
        bank: "PSBC", amountFen: 6_000_000, at: ago(75, -50),
        requests: [
          { kind: "STOP", filed: ago(75, 5), accepted: ago(75, 7), answered: ago(75, 14), held: 1 },
          { kind: "FREEZE", filed: ago(75, 9 * HOUR), approved: ago(75, 10 * HOUR), accepted: ago(75, 11 * HOUR), answered: ago(75, 20 * HOUR), held: 1 },
          { kind: "RETURN", filed: ago(2), approved: ago(1) },
        ],
      },
      {
        bank: "ICBC", amountFen: 3_800_000, at: ago(75, -35),
        requests: [
          { kind: "STOP", filed: ago(75, 6), accepted: ago(75, 8), answered: ago(75, 16), held: 0.5 },
          { kind: "FREEZE", filed: ago(75, 9 * HOUR), approved: ago(75, 10 * HOUR), accepted: ago(75, 12 * HOUR), answered: ago(75, 22 * HOUR), held: 1 },
          {
            kind: "RETURN", filed: ago(22), approved: ago(21), accepted: ago(21, 2 * HOUR), answered: ago(19),
            returns: [0.6, 0.4],
          },
        ],
      },
    ],
  },
  {
    name: "an account stopped twice (the second at the first's end); the third stop refused by the two-stops rule, a freeze sent",
    alert: { open: false, minutesAgo: 5040, risk: "HIGH", lossFen: "7200000", home: 2 },
    filed: -4000,
    transfers: [
      {
        bank: "BOCOM", amountFen: 7_200_000, at: -5070,
        requests: [
          { kind: "STOP", filed: -5035, accepted: -5034, answered: -5030, held: 1 },
          { kind: "STOP", filed: -2180, accepted: -2179, answered: -2170, held: 1 },
          { kind: "STOP", filed: -65, accepted: -63, answered: -60, held: 1 },
          { kind: "FREEZE", filed: -55, approved: -40 },
        ],
      },
    ],
  },
  {
    name: "protective stop in force on a warned person's own account",
    alert: { open: true, minutesAgo: 95, risk: "HIGH", home: 0 },
    transfers: [],
    protective: { bank: "ICBC", amountFen: 15_000_000, request: { kind: "STOP", filed: -70, accepted: -68, answered: -60, held: 1 } },
  },
  {
    name: "protective stop sent minutes ago",
    alert: { open: true, minutesAgo: 40, risk: "HIGH", home: 1 },
    transfers: [],
    protective: { bank: "CCB", amountFen: 4_000_000, request: { kind: "STOP", filed: -8 } },
  },
];
