// What is held for one transfer of a victim's money (docs/decisions/020-money.md). Pure, so the
// money invariants are property-tested; the database enforces the same ones
// (case_transfer_held_check, bank_return_add_to_totals), and the domain applies every bank answer
// through these functions so a refusal here is a field error before anything is written.
//
//   stopped ≤ sent, frozen ≤ sent      a freeze takes over a stop on the same money (never added)
//   returned ≤ max(stopped, frozen)    what goes back was held first
//   moved on (children) ≤ sent − stopped
//
// `stoppedFen` and `frozenFen` are gross: what the bank reports held now plus what has already
// gone back to the victim, so a stop or freeze answered after a return (a second stop, a renewal
// of what is left) never makes the returned money look unheld.

export const STOP_HOURS = 48;
const HOUR = 3_600_000;

export interface TransferHolding {
  amountFen: bigint;
  stoppedFen: bigint;
  stopEndsAt: Date | null;
  frozenFen: bigint;
  freezeEndsAt: Date | null;
  returnedFen: bigint;
  /** What the bank reported moved on to next accounts (the children's amounts). */
  movedOnFen: bigint;
}

export type LedgerRefusal = "amountNotPositive" | "exceedsTransfer" | "exceedsHeld" | "exceedsRemaining" | "nothingHeld" | "freezeNotActive";

export type LedgerResult = { ok: true; holding: TransferHolding } | { ok: false; refusal: LedgerRefusal };

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

export function stopHolds(h: Pick<TransferHolding, "stoppedFen" | "stopEndsAt">, now: Date): boolean {
  return h.stoppedFen > 0n && h.stopEndsAt !== null && h.stopEndsAt > now;
}

export function freezeHolds(h: Pick<TransferHolding, "frozenFen" | "freezeEndsAt">, now: Date): boolean {
  return h.frozenFen > 0n && h.freezeEndsAt !== null && h.freezeEndsAt > now;
}

/**
 * Held now: the larger of a stop and a freeze still in force (the freeze takes over the stop's
 * money), less what has gone back. Computed when read, so it is never stale when a stop lapses.
 */
export function heldNow(h: TransferHolding, now: Date): bigint {
  const held = max(stopHolds(h, now) ? h.stoppedFen : 0n, freezeHolds(h, now) ? h.frozenFen : 0n) - h.returnedFen;
  return held > 0n ? held : 0n;
}

/** What has been held, gross of returns (the ceiling of returns). */
export function everHeld(h: TransferHolding): bigint {
  return max(h.stoppedFen, h.frozenFen);
}

const ok = (holding: TransferHolding): LedgerResult => ({ ok: true, holding });
const no = (refusal: LedgerRefusal): LedgerResult => ({ ok: false, refusal });

/**
 * A stop took effect (止付): `stoppedFen` of this transfer's money, for 48 h from `at`, and the
 * rest moved on. 0 is a valid answer (all moved on: nothing stopped).
 */
export function applyStop(h: TransferHolding, stoppedFen: bigint, movedOnFen: bigint, at: Date): LedgerResult {
  if (stoppedFen < 0n || movedOnFen < 0n) return no("amountNotPositive");
  const gross = h.returnedFen + stoppedFen;
  if (gross > h.amountFen) return no("exceedsTransfer");
  if (h.movedOnFen + movedOnFen + gross > h.amountFen) return no("exceedsRemaining");
  if (stoppedFen === 0n) return ok({ ...h, movedOnFen: h.movedOnFen + movedOnFen });
  return ok({ ...h, stoppedFen: gross, stopEndsAt: new Date(at.getTime() + STOP_HOURS * HOUR), movedOnFen: h.movedOnFen + movedOnFen });
}

/** A freeze or renewal took effect until `until`: it takes over the stop's money rather than adding to it. */
export function applyFreeze(h: TransferHolding, frozenFen: bigint, until: Date): LedgerResult {
  if (frozenFen <= 0n) return no("amountNotPositive");
  const gross = h.returnedFen + frozenFen;
  if (gross > h.amountFen) return no("exceedsTransfer");
  return ok({ ...h, frozenFen: gross, freezeEndsAt: until });
}

/** 解冻: the freeze ends at `at` (its amount stays on record). */
export function applyUnfreeze(h: TransferHolding, at: Date): LedgerResult {
  if (!freezeHolds(h, at)) return no("freezeNotActive");
  return ok({ ...h, freezeEndsAt: at });
}

/** 返还: an amount went back to the victim; never more than was held. */
export function applyReturn(h: TransferHolding, returnedFen: bigint): LedgerResult {
  if (returnedFen <= 0n) return no("amountNotPositive");
  if (h.returnedFen + returnedFen > everHeld(h)) return no("exceedsHeld");
  return ok({ ...h, returnedFen: h.returnedFen + returnedFen });
}

/** The money still unaccounted for at this account: neither stopped nor reported moved on. */
export function remainingFen(h: TransferHolding): bigint {
  const rest = h.amountFen - h.stoppedFen - h.movedOnFen;
  return rest > 0n ? rest : 0n;
}
