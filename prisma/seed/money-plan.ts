// Plans the money work of a city's cases (docs/decisions/020-money.md): the victim's transfers, the
// stops filed within minutes, the money that moved on (level 2 and 3 transfers, stopped in turn at
// their banks), freezes approved by the leader, renewals, returns with their entries — each request
// as it stands at `now` (a step after now has not happened yet: the request is still open, or not
// filed). Pure computation apart from sealing; money.ts writes the rows.
//
// What a request did is also kept on its transfer (stopped, frozen and their ends), as the domain
// functions keep it; returned amounts are left to the bank_return trigger. The two-stops rule is
// kept across the city's cases: a third stop on an account is refused.
import { createHash, randomUUID } from "node:crypto";
import type { BankRequestKind, BankRequestStatus, CaseStatus, FraudType, ReturnMode } from "@/prisma/generated/client/enums";
import { defaultDeadline, type DeadlineValue } from "@/lib/deadlines/defaults";
import { deadlineFrom } from "@/lib/deadlines/deadline-from";
import type { Vault } from "../../lib/pii/sealing";
import type { StoryAlertRef } from "./alerts";
import { makeCardNumber } from "./bank-card";
import type { BankRow } from "./banks";
import { BEIJING_OFFSET_MS } from "./constants";
import type { MoneyStory, StoryRequest, StoryTransfer } from "./money-stories";
import { personName } from "./names";
import {
  CANCELLED_FREEZE_SHARE, FREEZE_SHARE, LATE_FREEZE_SHARE, LEVEL1_TRANSFERS, MOVED_ON_SHARE, RECEIVING_BANK_SHARE, RENEW_SHARE,
  RETURN_SHARE, SLOW_PAYING_TYPES, SLOW_STOP_SHARE, SOLVED_SHARE, STOP_RESULT_BANK, STOP_RESULT_PAYMENT, UNFREEZE_SHARE,
  VICTIM_BANK_SHARE, type StopResult,
} from "./proportions";
import { Rng } from "./random";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** A stop holds 48 hours from when it took effect. */
const STOP_HOLDS_MS = 48 * HOUR;
const FREEZE_TERM_MONTHS = 6;
const MAX_LEVEL = 3;
/** The two-stops rule (紧急止付: an account can be stopped at most twice). */
const MAX_STOPS_PER_ACCOUNT = 2;

const REFUSAL_NOTES = ["户名与账号不一致，请核实后重新提交", "交易流水中未查到该笔转账，请核对转账时间", "账号有误，本行无此账户"];
const LIMIT_NOTE = "该账户已被止付两次，依规不得再次止付，请办理冻结";
const MOVED_ON_NOTE = { zero: "款项到账后已全部转出，转出账户见下级", part: "部分款项已转出，余额已止付" } as const;
const UNFREEZE_NOTE = "经核查系正常经营资金，予以解冻";
const OTHER_AUTHORITIES = ["广东省深圳市公安局", "浙江省杭州市公安局西湖区分局", "四川省成都市公安局", "湖南省长沙市公安局", "福建省厦门市公安局"];

export interface CaseInput {
  alertId: string;
  /** Stable across runs: keys the case's random stream. */
  externalId: string;
  personId: string;
  districtId: string | null;
  stationId: string | null;
  fraudType: FraudType;
  /** When the alert was closed as 已被骗: the case's report. */
  reportedAt: number;
  analystId: string;
  lossFen: number;
  suspectAccounts: readonly string[];
}

export interface CaseRow {
  id: string;
  alertId: string;
  personId: string;
  districtId: string | null;
  stationId: string | null;
  lossFen: number;
  status: CaseStatus;
  caseNumber: string | null;
  filedAt: number | null;
  reportedAt: number;
  openedById: string;
}

export interface TransferRow {
  id: string;
  caseId: string;
  parentId: string | null;
  level: number;
  victimPersonId: string;
  fromAccountSealed: string | null;
  fromAccountLast4: string | null;
  bank: BankRow;
  account: Account;
  amountFen: number;
  transferredAt: number;
  stoppedFen: number;
  stopEndsAt: number | null;
  frozenFen: number;
  freezeEndsAt: number | null;
  createdById: string;
  createdAt: number;
}

export interface RequestRow {
  id: string;
  districtId: string | null;
  stationId: string | null;
  caseId: string | null;
  alertId: string | null;
  transferId: string | null;
  bank: BankRow;
  parentRequestId: string | null;
  kind: BankRequestKind;
  status: BankRequestStatus;
  viaDesk: boolean;
  account: Account;
  amountFen: number;
  termMonths: number | null;
  replyBy: number;
  filedAt: number;
  filedById: string;
  noticeNumber: string | null;
  approvedById: string | null;
  approvedAt: number | null;
  returnMode: ReturnMode | null;
  returnToSealed: string | null;
  returnToLast4: string | null;
  acceptedAt: number | null;
  acceptedById: string | null;
  answeredAt: number | null;
  answeredById: string | null;
  resultFen: number | null;
  effectiveAt: number | null;
  endsAt: number | null;
  balanceFen: number | null;
  earlierFreezes: string | null;
  answerNote: string | null;
  replyRemindedAt: number | null;
  expiryRemindedAt: number | null;
}

export interface ReturnRow {
  requestId: string;
  caseId: string;
  transferId: string;
  amountFen: number;
  /** Shanghai calendar day, YYYY-MM-DD. */
  returnedOn: string;
  receiptNumber: string;
  recordedById: string;
  recordedAt: number;
}

/** A receiving account, sealed as the console stores it. */
export interface Account {
  sealed: string;
  index: string;
  last4: string;
  holderSealed: string | null;
}

export interface MoneyPlannerOptions {
  seed: number;
  now: number;
  banks: readonly BankRow[];
  vault: Vault;
  /** 赣江公 → 赣江公(反诈)冻字〔2026〕0123号. */
  noticeAgency: string;
  /** District id → its region code (case numbers). */
  regionCodes: ReadonlyMap<string, string>;
  /** The city's region code for a case without a district. */
  cityRegionCode: string;
  leaderId: string;
  /** Desk banks' liaisons in this city, by bank id. */
  liaisonsByBank: ReadonlyMap<string, string>;
  /** Level-1 transfers per case are multiplied by this (the benchmark's larger money tables). */
  moneyFactor: number;
}

/** One request's steps; a step after now has not happened. */
interface Steps {
  filed: number;
  approved?: number;
  accepted?: number;
  answered?: number;
}

interface Answer {
  refused?: string;
  resultFen?: number;
  effectiveAt?: number;
  endsAt?: number;
  note?: string;
}

/** What a request is about: a case's transfer, or (a protective stop) an alert's person's own account. */
interface Subject {
  caseId: string | null;
  alertId: string | null;
  districtId: string | null;
  stationId: string | null;
  transfer: TransferRow | null;
  bank: BankRow;
  account: Account;
}

interface RequestOptions {
  /** The stop whose answer named this account (a follow-on stop). */
  parent?: RequestRow | null;
  /** Cancelled by its filer before approval. */
  cancelled?: boolean;
  /** A renewal extends the freeze's end rather than counting from its own answer. */
  extendsFrom?: number;
}

const onTransfer = (fraudCase: CaseRow, transfer: TransferRow): Subject => ({
  caseId: fraudCase.id, alertId: null, districtId: fraudCase.districtId, stationId: fraudCase.stationId, transfer, bank: transfer.bank, account: transfer.account,
});

const NEEDS_APPROVAL: ReadonlySet<BankRequestKind> = new Set(["FREEZE", "RENEW", "UNFREEZE", "RETURN"]);
const DEADLINE_KIND = {
  STOP: "BANK_STOP", PROTECTIVE_STOP: "BANK_PROTECTIVE_STOP", FREEZE: "BANK_FREEZE", RENEW: "BANK_RENEW", UNFREEZE: "BANK_UNFREEZE", RETURN: "BANK_RETURN",
} as const;
const REPLY_RULES = Object.fromEntries(
  Object.entries(DEADLINE_KIND).map(([kind, deadline]) => [kind, defaultDeadline(deadline, null)]),
) as Record<BankRequestKind, DeadlineValue>;
const NOTICE_WORDS: Partial<Record<BankRequestKind, string>> = { FREEZE: "冻字", RENEW: "续冻字", UNFREEZE: "解冻字", RETURN: "返还字" };

/** `months` calendar months after `at`, on Shanghai's calendar (the 31st becomes the month's last day). */
export function plusMonths(at: number, months: number): number {
  const d = new Date(at + BEIJING_OFFSET_MS);
  const month = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const local = Date.UTC(d.getUTCFullYear(), month, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return local - BEIJING_OFFSET_MS;
}

const shanghai = (at: number) => new Date(at + BEIJING_OFFSET_MS).toISOString();
const streamOf = (key: string) => createHash("sha256").update(key).digest().readUInt32LE(0);

export class MoneyPlanner {
  readonly cases: CaseRow[] = [];
  readonly transfers: TransferRow[] = [];
  readonly requests: RequestRow[] = [];
  readonly returns: ReturnRow[] = [];
  private readonly rng = new Rng(0);
  private readonly now: number;
  private readonly bankByCode: ReadonlyMap<string, BankRow>;
  private readonly bankByBin = new Map<string, BankRow>();
  /** Effective stops per account (blind index), across the city's cases. */
  private readonly stops = new Map<string, number>();
  /** Accounts named by the alerts' fraud side recur across cases: one holder each. */
  private readonly knownAccounts = new Map<string, Account>();
  private readonly noticeCounters = new Map<string, number>();
  private caseCounter = 0;

  constructor(private readonly o: MoneyPlannerOptions) {
    this.now = o.now;
    this.bankByCode = new Map(o.banks.map((b) => [b.code, b]));
    for (const b of o.banks) for (const bin of b.bins) this.bankByBin.set(bin, b);
  }

  // ── Cases from the alerts closed as 已被骗 ──

  /** The generated history of one case: its transfers and what the requests did, as of now. */
  planCase(input: CaseInput): void {
    const rng = this.rng;
    rng.reseed(this.o.seed ^ streamOf(input.externalId));
    const filedAt = input.reportedAt + rng.logRange(1 * HOUR, 20 * HOUR);
    const solved = input.reportedAt < this.now - 60 * DAY && rng.chance(SOLVED_SHARE);
    const fraudCase = this.openCase(input, filedAt <= this.now ? Math.floor(filedAt) : null, solved);
    const victimAccount = this.victimAccount();

    const count = Math.max(1, Math.round(rng.weighted(LEVEL1_TRANSFERS) * this.o.moneyFactor));
    const total = Math.floor(input.lossFen * rng.range(0.75, 1));
    const weights = Array.from({ length: count }, () => rng.range(0.2, 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    // The last transfer came shortly before the report, the earlier ones minutes to days before it.
    const slow = SLOW_PAYING_TYPES.has(input.fraudType);
    const times: number[] = [input.reportedAt - Math.floor(rng.logRange(5 * MIN, 2 * HOUR))];
    for (let i = 1; i < count; i++) times.unshift(Math.max(input.reportedAt - 30 * DAY, times[0]! - Math.floor(slow ? rng.logRange(10 * MIN, 5 * DAY) : rng.logRange(2 * MIN, 12 * HOUR))));

    weights.forEach((w, i) => {
      let amount = Math.floor((total * w) / sum);
      if (amount >= 20_000 && rng.chance(0.6)) amount = Math.floor(amount / 10_000) * 10_000; // round hundreds of yuan
      const named = this.namedAccount(input.suspectAccounts[i]);
      const bank = named?.bank ?? this.bankByCode.get(rng.weighted(RECEIVING_BANK_SHARE))!;
      const transfer = this.transfer(fraudCase, null, bank, named?.account ?? this.receivingAccount(bank), amount, times[i]!, victimAccount, input.analystId);
      const delay = rng.chance(SLOW_STOP_SHARE) ? rng.range(12 * MIN, 90 * MIN) : rng.logRange(1.5 * MIN, 12 * MIN);
      this.stopAndFollow(fraudCase, transfer, Math.floor(input.reportedAt + delay), null, input.analystId);
    });
  }

  private openCase(input: Omit<CaseInput, "externalId" | "fraudType" | "suspectAccounts">, filedAt: number | null, solved: boolean): CaseRow {
    const row: CaseRow = {
      id: randomUUID(), alertId: input.alertId, personId: input.personId, districtId: input.districtId, stationId: input.stationId,
      lossFen: input.lossFen, status: filedAt === null ? "OPEN" : solved ? "SOLVED" : "FILED",
      caseNumber: filedAt === null ? null : this.caseNumber(input.districtId, filedAt), filedAt, reportedAt: input.reportedAt, openedById: input.analystId,
    };
    this.cases.push(row);
    return row;
  }

  /** 立案 number: A + region code + year and month + a sequence of the city. */
  private caseNumber(districtId: string | null, filedAt: number): string {
    const region = (districtId && this.o.regionCodes.get(districtId)) || this.o.cityRegionCode;
    const ym = shanghai(filedAt).slice(0, 7).replace("-", "");
    return `A${region}${ym}${String(++this.caseCounter).padStart(5, "0")}`;
  }

  private transfer(
    fraudCase: CaseRow, parent: TransferRow | null, bank: BankRow, account: Account, amountFen: number, at: number,
    victimAccount: { sealed: string; last4: string } | null, analystId: string,
  ): TransferRow {
    const row: TransferRow = {
      id: randomUUID(), caseId: fraudCase.id, parentId: parent?.id ?? null, level: parent ? parent.level + 1 : 1, victimPersonId: fraudCase.personId,
      fromAccountSealed: parent ? parent.account.sealed : (victimAccount?.sealed ?? null),
      fromAccountLast4: parent ? parent.account.last4 : (victimAccount?.last4 ?? null),
      bank, account, amountFen, transferredAt: at, stoppedFen: 0, stopEndsAt: null, frozenFen: 0, freezeEndsAt: null,
      createdById: analystId, createdAt: Math.min(this.now, Math.max(at, fraudCase.reportedAt) + MIN),
    };
    this.transfers.push(row);
    return row;
  }

  /** The stop of a transfer and what followed: the accounts the money moved on to, the freeze. */
  private stopAndFollow(fraudCase: CaseRow, transfer: TransferRow, filed: number, parentStop: RequestRow | null, analystId: string): void {
    if (filed > this.now) return;
    const rng = this.rng;
    const bank = transfer.bank;
    const steps: Steps = { filed };
    if (bank.desk) {
      steps.accepted = filed + rng.range(0.5 * MIN, 4 * MIN);
      steps.answered = steps.accepted + (rng.chance(0.04) ? rng.range(30 * MIN, 2 * HOUR) : rng.logRange(1 * MIN, 15 * MIN));
    } else {
      steps.answered = filed + rng.logRange(10 * MIN, 2 * HOUR);
    }
    const limit = (this.stops.get(transfer.account.index) ?? 0) >= MAX_STOPS_PER_ACCOUNT;
    const drawn: StopResult = limit ? "refused" : rng.weighted(bank.kind === "PAYMENT_INSTITUTION" ? STOP_RESULT_PAYMENT : STOP_RESULT_BANK);
    const held = drawn === "full" ? transfer.amountFen : drawn === "part" ? Math.floor(transfer.amountFen * rng.range(0.1, 0.9)) : 0;
    const answer: Answer = drawn === "refused"
      ? { refused: limit ? LIMIT_NOTE : rng.pick(REFUSAL_NOTES) }
      : { resultFen: held, note: drawn === "zero" || drawn === "part" ? MOVED_ON_NOTE[drawn] : undefined };
    const stop = this.request("STOP", onTransfer(fraudCase, transfer), transfer.amountFen, steps, answer, analystId, { parent: parentStop });
    if (stop.status !== "COMPLETED") return;
    this.holdStop(transfer, stop, held);

    if ((drawn === "zero" || drawn === "part") && transfer.level < MAX_LEVEL && rng.chance(MOVED_ON_SHARE[drawn])) {
      const answered = stop.answeredAt!;
      const available = Math.floor((transfer.amountFen - held) * rng.range(0.6, 1));
      const n = rng.chance(0.7) ? 1 : 2;
      const weights = Array.from({ length: n }, () => rng.range(0.3, 1));
      const sum = weights.reduce((a, b) => a + b, 0);
      for (const w of weights) {
        const amount = Math.floor((available * w) / sum);
        if (amount <= 0) continue;
        const at = Math.min(transfer.transferredAt + Math.floor(rng.logRange(1 * MIN, 30 * MIN)), answered - 30 * SEC);
        const next = this.bankByCode.get(rng.weighted(RECEIVING_BANK_SHARE))!;
        const child = this.transfer(fraudCase, transfer, next, this.receivingAccount(next), amount, at, null, analystId);
        child.createdAt = answered;
        this.stopAndFollow(fraudCase, child, Math.floor(answered + rng.logRange(1 * MIN, 10 * MIN)), stop, analystId);
      }
    }
    if (held > 0 && rng.chance(FREEZE_SHARE)) this.freezeAndAfter(fraudCase, transfer, stop, analystId);
  }

  private holdStop(transfer: TransferRow, stop: RequestRow, held: number): void {
    if (held <= 0) return;
    this.stops.set(transfer.account.index, (this.stops.get(transfer.account.index) ?? 0) + 1);
    transfer.stoppedFen = held;
    transfer.stopEndsAt = stop.endsAt;
  }

  /** 先止付、再立案、后冻结: the freeze of the stopped money once the case is filed, and what became of it. */
  private freezeAndAfter(fraudCase: CaseRow, transfer: TransferRow, stop: RequestRow, analystId: string): void {
    if (fraudCase.filedAt === null) return;
    const rng = this.rng;
    const late = rng.chance(LATE_FREEZE_SHARE);
    const filed = Math.floor(Math.max(
      late ? stop.endsAt! + rng.range(1 * HOUR, 24 * HOUR) : stop.effectiveAt! + rng.logRange(1 * HOUR, 30 * HOUR),
      fraudCase.filedAt + rng.range(10 * MIN, 60 * MIN),
    ));
    if (filed > this.now) return;
    if (rng.chance(CANCELLED_FREEZE_SHARE)) {
      // Filed twice by mistake; the filer cancelled the first before approval.
      this.request("FREEZE", onTransfer(fraudCase, transfer), transfer.stoppedFen, { filed: filed - Math.floor(rng.range(5 * MIN, 30 * MIN)) }, {}, analystId, { cancelled: true });
    }
    const lapsed = filed > stop.endsAt!;
    const steps = this.approvedSteps(filed, transfer, [10 * MIN, 3 * HOUR], [5 * MIN, 1 * HOUR], [30 * MIN, 12 * HOUR]);
    const share = lapsed ? (rng.chance(0.5) ? 0 : rng.range(0.2, 1)) : rng.chance(0.9) ? 1 : rng.range(0.5, 1);
    const frozen = Math.floor(transfer.stoppedFen * share);
    const freeze = this.request("FREEZE", onTransfer(fraudCase, transfer), transfer.stoppedFen, steps, { resultFen: frozen }, analystId);
    if (freeze.status !== "COMPLETED") return;
    // What the account holds may include other victims' money; other authorities may have frozen it first.
    freeze.balanceFen = frozen + (rng.chance(0.3) ? Math.round(rng.logRange(1_000, 200_000)) * 100 : 0);
    if (rng.chance(0.05)) {
      freeze.earlierFreezes = JSON.stringify([{ amountFen: String(Math.round(rng.logRange(1_000, 50_000)) * 100), until: shanghai(plusMonths(filed, 4)).slice(0, 10), by: rng.pick(OTHER_AUTHORITIES) }]);
    }
    transfer.frozenFen = frozen;
    transfer.freezeEndsAt = freeze.endsAt;
    if (frozen > 0) this.afterFreeze(fraudCase, transfer, freeze, analystId);
  }

  /** A freeze's later life: lifted, or returned (most), and renewed near its end if money is still held. */
  private afterFreeze(fraudCase: CaseRow, transfer: TransferRow, freeze: RequestRow, analystId: string): void {
    const rng = this.rng;
    const effective = freeze.effectiveAt!;
    if (rng.chance(UNFREEZE_SHARE)) {
      const filed = Math.floor(effective + rng.range(10 * DAY, 100 * DAY));
      if (filed > this.now) return;
      const steps = this.approvedSteps(filed, transfer, [1 * HOUR, 2 * DAY], [10 * MIN, 3 * HOUR], [1 * HOUR, 24 * HOUR]);
      const unfreeze = this.request("UNFREEZE", onTransfer(fraudCase, transfer), transfer.frozenFen, steps, { resultFen: transfer.frozenFen, note: UNFREEZE_NOTE }, analystId);
      if (unfreeze.status === "COMPLETED") transfer.freezeEndsAt = unfreeze.effectiveAt;
      return;
    }
    let returned = 0;
    if (rng.chance(RETURN_SHARE)) {
      const filed = Math.floor(effective + rng.range(30 * DAY, 90 * DAY));
      if (filed <= this.now) {
        const amount = rng.chance(0.93) ? transfer.frozenFen : Math.floor(transfer.frozenFen * rng.range(0.5, 0.95));
        const steps = this.approvedSteps(filed, transfer, [1 * HOUR, 2 * DAY], [10 * MIN, 6 * HOUR], [4 * HOUR, 60 * HOUR]);
        const entries = rng.chance(0.85) ? [1] : [0.6, 0.4];
        returned = this.returnRequest(fraudCase, transfer, amount, steps, entries, analystId);
      }
    }
    if (returned < transfer.frozenFen && rng.chance(RENEW_SHARE)) {
      const filed = Math.floor(freeze.endsAt! - rng.range(5 * DAY, 20 * DAY));
      if (filed <= this.now) {
        const steps = this.approvedSteps(filed, transfer, [1 * HOUR, 1 * DAY], [10 * MIN, 3 * HOUR], [1 * HOUR, 24 * HOUR]);
        const held = transfer.frozenFen - returned;
        const renew = this.request("RENEW", onTransfer(fraudCase, transfer), held, steps, { resultFen: held }, analystId, { extendsFrom: freeze.endsAt! });
        if (renew.status === "COMPLETED") transfer.freezeEndsAt = renew.endsAt;
      }
    }
  }

  /** A return decision and, when the bank has done it, its entries (shares of the amount). Returns what was returned. */
  private returnRequest(
    fraudCase: CaseRow, transfer: TransferRow, amount: number, steps: Steps, entries: readonly number[], analystId: string, named = this.rng.chance(0.12),
  ): number {
    const request = this.request("RETURN", onTransfer(fraudCase, transfer), amount, steps, {}, analystId);
    request.returnMode = named ? "NAMED" : "ORIGINAL";
    if (named) {
      // The victim named another account of their own.
      const other = this.victimAccount();
      request.returnToSealed = other.sealed;
      request.returnToLast4 = other.last4;
    }
    if (request.status !== "COMPLETED") return 0;
    const answered = request.answeredAt!;
    let left = amount;
    entries.forEach((share, i) => {
      const entry = i === entries.length - 1 ? left : Math.floor(amount * share);
      left -= entry;
      const on = answered - (entries.length - 1 - i) * DAY;
      this.returns.push({
        requestId: request.id, caseId: fraudCase.id, transferId: transfer.id, amountFen: entry, returnedOn: shanghai(on).slice(0, 10),
        receiptNumber: `${transfer.bank.code}${shanghai(on).slice(0, 10).replaceAll("-", "")}${this.rng.digits(8)}`,
        recordedById: request.answeredById!, recordedAt: answered,
      });
    });
    return amount;
  }

  /** Steps of a request that waits for approval: approved, (accepted at the desk,) answered — each after a drawn delay. */
  private approvedSteps(filed: number, transfer: TransferRow, approval: [number, number], acceptance: [number, number], answer: [number, number]): Steps {
    const rng = this.rng;
    const approved = filed + rng.logRange(...approval);
    if (!transfer.bank.desk) return { filed, approved, answered: approved + rng.logRange(acceptance[0] + answer[0], acceptance[1] + answer[1]) };
    const accepted = approved + rng.logRange(...acceptance);
    return { filed, approved, accepted, answered: accepted + rng.logRange(...answer) };
  }

  /**
   * The worker's expiry reminders that already went out, on stops and freezes that have since
   * ended: a stop 6 h before its end with no freeze filed by then, a freeze or renewal 7 days
   * before its end with no renewal filed by then. Those due now are left to the worker.
   */
  markPastExpiryReminders(): void {
    const byTransfer = new Map<string, RequestRow[]>();
    for (const r of this.requests) {
      if (!r.transferId) continue;
      const list = byTransfer.get(r.transferId);
      if (list) list.push(r);
      else byTransfer.set(r.transferId, [r]);
    }
    const unfrozen = new Set(this.requests.filter((r) => r.kind === "UNFREEZE" && r.status === "COMPLETED").map((r) => r.transferId));
    for (const r of this.requests) {
      if (r.endsAt === null || r.endsAt > this.now || (r.kind !== "STOP" && unfrozen.has(r.transferId))) continue;
      const stop = r.kind === "STOP" || r.kind === "PROTECTIVE_STOP";
      const at = r.endsAt - (stop ? 6 * HOUR : 7 * DAY);
      const next = stop ? "FREEZE" : "RENEW";
      const followed = (byTransfer.get(r.transferId ?? "") ?? []).some((o) => o.kind === next && o.status !== "CANCELLED" && o.filedAt > r.filedAt && o.filedAt <= at);
      if (!followed) r.expiryRemindedAt = Math.max(at, r.effectiveAt!) + 30 * SEC;
    }
  }

  // ── The written stories (money-stories.ts) ──

  planStory(story: MoneyStory, ref: StoryAlertRef, storyIndex: number, analystId: string): void {
    this.rng.reseed(this.o.seed + 7919 * (storyIndex + 1));
    const at = (minutes: number) => this.now + minutes * MIN;
    if (story.protective) {
      const { bank: code, amountFen, request } = story.protective;
      const bank = this.bankByCode.get(code)!;
      // 保护性止付: the warned person's own account, in their name; about the alert (no case, no transfer).
      const subject: Subject = {
        caseId: null, alertId: ref.alertId, districtId: ref.districtId, stationId: ref.stationId, transfer: null, bank,
        account: this.seal(this.accountNumber(bank), ref.personName),
      };
      this.request("PROTECTIVE_STOP", subject, amountFen, this.storySteps(request, at), { resultFen: Math.floor(amountFen * (request.held ?? 1)) }, analystId);
      return;
    }
    // A closed story's case was reported when the story says the alert closed as 已被骗 (the analyst
    // may close the alert itself a little later, once its door visit's feedback is reviewed).
    const reportedAt = at(story.reported ?? -story.alert.minutesAgo);
    const fraudCase = this.openCase(
      {
        alertId: ref.alertId, personId: ref.personId, districtId: ref.districtId, stationId: ref.stationId, reportedAt, analystId,
        lossFen: Number(ref.lossFen ?? story.transfers.reduce((sum, t) => sum + t.amountFen, 0)),
      },
      story.filed !== undefined ? at(story.filed) : null,
      false,
    );
    const victimAccount = this.victimAccount();
    const tell = (t: StoryTransfer, parent: TransferRow | null, parentStop: RequestRow | null) => {
      const bank = this.bankByCode.get(t.bank)!;
      const transfer = this.transfer(fraudCase, parent, bank, this.receivingAccount(bank), t.amountFen, at(t.at), parent ? null : victimAccount, analystId);
      const subject = onTransfer(fraudCase, transfer);
      let stop: RequestRow | null = null;
      let freeze: RequestRow | null = null;
      for (const r of t.requests) {
        const steps = this.storySteps(r, at);
        if (r.kind === "STOP") {
          const held = Math.floor(transfer.amountFen * (r.held ?? 0));
          const note = held < transfer.amountFen ? MOVED_ON_NOTE[held === 0 ? "zero" : "part"] : undefined;
          const limit = (this.stops.get(transfer.account.index) ?? 0) >= MAX_STOPS_PER_ACCOUNT;
          stop = this.request("STOP", subject, transfer.amountFen, steps, limit ? { refused: LIMIT_NOTE } : { resultFen: held, note }, analystId, { parent: parentStop });
          if (stop.status === "COMPLETED") this.holdStop(transfer, stop, held);
        } else if (r.kind === "FREEZE") {
          const asked = transfer.stoppedFen || transfer.amountFen;
          freeze = this.request("FREEZE", subject, asked, steps, { resultFen: Math.floor(asked * (r.held ?? 1)) }, analystId);
          if (freeze.status === "COMPLETED") {
            freeze.balanceFen = freeze.resultFen;
            transfer.frozenFen = freeze.resultFen!;
            transfer.freezeEndsAt = freeze.endsAt;
          }
        } else if (r.kind === "RENEW") {
          const renew = this.request("RENEW", subject, transfer.frozenFen, steps, { resultFen: transfer.frozenFen }, analystId, { extendsFrom: freeze!.endsAt! });
          if (renew.status === "COMPLETED") transfer.freezeEndsAt = renew.endsAt;
        } else {
          this.returnRequest(fraudCase, transfer, transfer.frozenFen, steps, r.returns ?? [1], analystId, false);
        }
      }
      for (const next of t.next ?? []) {
        const child = tell(next, transfer, stop);
        child.createdAt = stop!.answeredAt!;
      }
      return transfer;
    };
    for (const t of story.transfers) tell(t, null, null);
  }

  private storySteps(r: StoryRequest, at: (minutes: number) => number): Steps {
    const steps: Steps = { filed: at(r.filed) };
    if (r.approved !== undefined) steps.approved = at(r.approved);
    if (r.accepted !== undefined) steps.accepted = at(r.accepted);
    if (r.answered !== undefined) steps.answered = at(r.answered);
    return steps;
  }

  // ── Requests ──

  /**
   * One request as it stands at now: the steps that happened set its status (awaiting approval,
   * sent, accepted, completed or refused), those after now are left out. `extendsFrom`: a renewal
   * extends the freeze's end rather than counting from its own answer.
   */
  private request(kind: BankRequestKind, subject: Subject, amountFen: number, steps: Steps, answer: Answer, analystId: string, opts: RequestOptions = {}): RequestRow {
    const now = this.now;
    const { bank } = subject;
    const desk = bank.desk;
    const happened = (t: number | undefined): number | null => (t !== undefined && t <= now ? Math.floor(t) : null);
    const approvalNeeded = NEEDS_APPROVAL.has(kind);
    const approved = approvalNeeded ? happened(steps.approved) : null;
    const sent = !approvalNeeded || approved !== null;
    const accepted = sent && desk ? happened(steps.accepted) : null;
    const answered = sent && (accepted !== null || !desk) ? happened(steps.answered) : null;
    const status: BankRequestStatus = opts.cancelled ? "CANCELLED" : (!sent ? "AWAITING_APPROVAL" : answered !== null ? (answer.refused ? "REFUSED" : "COMPLETED") : accepted !== null ? "ACCEPTED" : "SENT");
    const replyBy = deadlineFrom(new Date(approved ?? steps.filed), REPLY_RULES[kind]).getTime();
    const completed = status === "COMPLETED";
    const holds = completed && (answer.resultFen ?? 0) > 0 && kind !== "UNFREEZE" && kind !== "RETURN";
    // A stop or freeze takes effect when it holds money; an unfreeze when the freeze ends.
    const effectiveAt = holds || (completed && kind === "UNFREEZE") ? answered : null;
    const endsAt = !holds ? null
      : kind === "STOP" || kind === "PROTECTIVE_STOP" ? answered! + STOP_HOLDS_MS
      : plusMonths(opts.extendsFrom ?? answered!, FREEZE_TERM_MONTHS);
    const row: RequestRow = {
      id: randomUUID(), districtId: subject.districtId, stationId: subject.stationId, caseId: subject.caseId, alertId: subject.alertId,
      transferId: subject.transfer?.id ?? null, bank, parentRequestId: opts.parent?.id ?? null, kind, status, viaDesk: desk, account: subject.account, amountFen,
      termMonths: kind === "FREEZE" || kind === "RENEW" ? FREEZE_TERM_MONTHS : null, replyBy, filedAt: steps.filed, filedById: analystId,
      noticeNumber: approved !== null ? this.noticeNumber(kind, approved) : null, approvedById: approved !== null ? this.o.leaderId : null, approvedAt: approved,
      returnMode: null, returnToSealed: null, returnToLast4: null,
      acceptedAt: accepted, acceptedById: accepted !== null ? this.o.liaisonsByBank.get(bank.id)! : null,
      answeredAt: answered, answeredById: answered === null ? null : desk ? this.o.liaisonsByBank.get(bank.id)! : analystId,
      resultFen: completed && kind !== "RETURN" ? (answer.resultFen ?? 0) : null, effectiveAt, endsAt,
      balanceFen: null, earlierFreezes: null, answerNote: answered !== null ? (answer.refused ?? answer.note ?? null) : null,
      replyRemindedAt: null, expiryRemindedAt: null,
    };
    // The worker reminded once of a reply that came after its reply-by (one still due now is left to it).
    if (answered !== null && answered > replyBy + 30 * SEC) row.replyRemindedAt = replyBy + 30 * SEC;
    this.requests.push(row);
    return row;
  }

  private noticeNumber(kind: BankRequestKind, approvedAt: number): string {
    const word = NOTICE_WORDS[kind]!;
    const year = shanghai(approvedAt).slice(0, 4);
    const key = `${word}${year}`;
    const n = (this.noticeCounters.get(key) ?? 0) + 1;
    this.noticeCounters.set(key, n);
    return `${this.o.noticeAgency}(反诈)${word}〔${year}〕${String(n).padStart(4, "0")}号`;
  }

  // ── Accounts ──

  /** The victim's own card the money left from (a desk bank's). */
  private victimAccount(): { sealed: string; last4: string } {
    const bank = this.bankByCode.get(this.rng.weighted(VICTIM_BANK_SHARE))!;
    const number = this.cardNumber(bank);
    return { sealed: this.o.vault.seal("bankAccount", number), last4: number.slice(-4) };
  }

  /** A fresh receiving account at `bank` with its holder (a mule's name). */
  private receivingAccount(bank: BankRow): Account {
    const rng = this.rng;
    const number = this.accountNumber(bank);
    return this.seal(number, personName(rng, rng.chance(0.7) ? "M" : "F", rng.int(1965, 2004)));
  }

  /** A bank card (Luhn), or a payment institution's account number (no check digit). */
  private accountNumber(bank: BankRow): string {
    const rng = this.rng;
    if (bank.kind === "BANK") return this.cardNumber(bank);
    return bank.code === "ALIPAY" ? `2088${rng.digits(12)}` : `1${rng.int(1, 9)}${rng.digits(8)}`;
  }

  /** An account the alert's fraud side named, when its card BIN says which bank holds it. */
  private namedAccount(number: string | undefined): { bank: BankRow; account: Account } | null {
    if (!number) return null;
    const bank = this.bankByBin.get(number.slice(0, 6));
    if (!bank) return null;
    let account = this.knownAccounts.get(number);
    if (!account) {
      // The same account has the same holder in every case it appears in.
      const rng = new Rng(this.o.seed ^ streamOf(number));
      account = this.seal(number, personName(rng, rng.chance(0.7) ? "M" : "F", rng.int(1965, 2004)));
      this.knownAccounts.set(number, account);
    }
    return { bank, account };
  }

  private cardNumber(bank: BankRow): string {
    const rng = this.rng;
    return makeCardNumber(rng.pick(bank.bins), rng.chance(0.75) ? 19 : rng.pick([16, 17, 18]), (n) => rng.digits(n));
  }

  private seal(number: string, holder: string): Account {
    const v = this.o.vault;
    return { sealed: v.seal("bankAccount", number), index: v.blindIndex("bankAccount", number), last4: number.slice(-4), holderSealed: v.seal("accountHolder", holder) };
  }
}
