// The money invariants under random sequences of stop, freeze, move-on, renew, lapse, unfreeze
// and return (fast-check): whatever the banks answer and in whatever order, what is held never
// exceeds what the transfer sent, a freeze takes over a stop rather than adding to it, returned
// never exceeds what was held, and a refused step changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFreeze, applyReturn, applyStop, applyUnfreeze, everHeld, heldNow, remainingFen, type TransferHolding } from "@/lib/cases/transfer-ledger";

const HOUR = 3_600_000;
const start = new Date("2026-06-01T02:00:00Z");

type Step =
  | { op: "stop"; stopped: bigint; movedOn: bigint }
  | { op: "freeze"; frozen: bigint; months: number }
  | { op: "unfreeze" }
  | { op: "return"; amount: bigint }
  | { op: "wait"; hours: number };

const amount = (max: bigint) => fc.bigInt({ min: -5n, max: max + 5n });
const step = (sent: bigint): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ op: fc.constant("stop" as const), stopped: amount(sent), movedOn: amount(sent) }),
    fc.record({ op: fc.constant("freeze" as const), frozen: amount(sent), months: fc.integer({ min: 1, max: 12 }) }),
    fc.constant({ op: "unfreeze" as const }),
    fc.record({ op: fc.constant("return" as const), amount: amount(sent) }),
    fc.record({ op: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 24 * 200 }) }),
  );

function invariantsHold(h: TransferHolding, now: Date): void {
  expect(h.stoppedFen >= 0n && h.stoppedFen <= h.amountFen).toBe(true);
  expect(h.frozenFen >= 0n && h.frozenFen <= h.amountFen).toBe(true);
  expect(h.returnedFen >= 0n && h.returnedFen <= everHeld(h)).toBe(true);
  expect(h.movedOnFen <= h.amountFen).toBe(true);
  const held = heldNow(h, now);
  expect(held >= 0n && held <= h.amountFen).toBe(true);
  // Never the sum of a stop and a freeze on the same money.
  expect(held <= (h.stoppedFen > h.frozenFen ? h.stoppedFen : h.frozenFen)).toBe(true);
  expect(remainingFen(h) >= 0n).toBe(true);
}

describe("what is held for a transfer", () => {
  it("keeps the money invariants under any sequence of bank answers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000_000n }).chain((sent) => fc.tuple(fc.constant(sent), fc.array(step(sent), { maxLength: 25 }))), ([sent, steps]) => {
        let h: TransferHolding = { amountFen: sent, stoppedFen: 0n, stopEndsAt: null, frozenFen: 0n, freezeEndsAt: null, returnedFen: 0n, movedOnFen: 0n };
        let now = start;
        for (const s of steps) {
          const before = h;
          const result =
            s.op === "stop" ? applyStop(h, s.stopped, s.movedOn, now)
            : s.op === "freeze" ? applyFreeze(h, s.frozen, new Date(now.getTime() + s.months * 30 * 24 * HOUR))
            : s.op === "unfreeze" ? applyUnfreeze(h, now)
            : s.op === "return" ? applyReturn(h, s.amount)
            : null;
          if (s.op === "wait") now = new Date(now.getTime() + s.hours * HOUR);
          else if (result!.ok) h = result!.holding;
          else expect(h).toBe(before);
          invariantsHold(h, now);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lets a stop lapse after 48 h and a freeze take it over without adding", () => {
    const sent: TransferHolding = { amountFen: 100_000n, stoppedFen: 0n, stopEndsAt: null, frozenFen: 0n, freezeEndsAt: null, returnedFen: 0n, movedOnFen: 0n };
    const stopped = applyStop(sent, 60_000n, 40_000n, start);
    if (!stopped.ok) throw new Error("stop refused");
    expect(heldNow(stopped.holding, new Date(start.getTime() + 47 * HOUR))).toBe(60_000n);
    expect(heldNow(stopped.holding, new Date(start.getTime() + 48 * HOUR))).toBe(0n);
    const frozen = applyFreeze(stopped.holding, 60_000n, new Date(start.getTime() + 180 * 24 * HOUR));
    if (!frozen.ok) throw new Error("freeze refused");
    expect(heldNow(frozen.holding, new Date(start.getTime() + HOUR))).toBe(60_000n);
    expect(applyReturn(frozen.holding, 60_001n)).toEqual({ ok: false, refusal: "exceedsHeld" });
    expect(applyStop(sent, 60_000n, 40_001n, start)).toEqual({ ok: false, refusal: "exceedsRemaining" });
  });
});
