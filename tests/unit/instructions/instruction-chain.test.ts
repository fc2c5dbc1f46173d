import { describe, expect, it } from "vitest";
import { chainOf } from "@/lib/instructions/instruction-chain";
import type { InstructionEventKind } from "@/prisma/generated/client/enums";

const T0 = Date.parse("2026-12-01T02:00:00.000Z");
/** An event `minutes` after T0. */
const at = (kind: InstructionEventKind, minutes: number) => ({ kind, at: new Date(T0 + minutes * 60_000).toISOString() });
const reached = (events: ReturnType<typeof at>[]) => Object.fromEntries(chainOf(events).map((s) => [s.step, s.at === null ? null : (Date.parse(s.at) - T0) / 60_000]));

describe("the chain of an instruction", () => {
  it("follows the whole way down with the time each step took", () => {
    const chain = chainOf([at("ISSUED", 0), at("FORWARDED", 4), at("SIGNED_OFF", 9), at("CHECKED_IN", 30), at("FEEDBACK", 45), at("CLOSED", 60)]);
    expect(chain.map((s) => [s.step, s.afterPreviousMs === null ? null : s.afterPreviousMs / 60_000])).toEqual([
      ["issued", null],
      ["forwarded", 4],
      ["signedOff", 5],
      ["onSite", 21],
      ["reported", 15],
      ["closed", 15],
    ]);
  });

  it("straight to a station: no forward, and sign-off counts from the dispatch", () => {
    const chain = chainOf([at("ISSUED", 0), at("SIGNED_OFF", 7)]);
    expect(chain.find((s) => s.step === "forwarded")!.at).toBeNull();
    expect(chain.find((s) => s.step === "signedOff")!.afterPreviousMs).toBe(7 * 60_000);
    expect(chain.find((s) => s.step === "onSite")).toEqual({ step: "onSite", at: null, afterPreviousMs: null });
  });

  it("a decline undoes the sign-off; the new station's sign-off counts", () => {
    expect(reached([at("ISSUED", 0), at("SIGNED_OFF", 5), at("DECLINED", 10), at("REROUTED", 20), at("SIGNED_OFF", 25)])).toEqual({
      issued: 0, forwarded: null, signedOff: 25, onSite: null, reported: null, closed: null,
    });
  });

  it("a re-route to a district undoes the forward until the district forwards again", () => {
    expect(reached([at("ISSUED", 0), at("FORWARDED", 3), at("DECLINED", 8), at("REROUTED", 12)])).toMatchObject({ forwarded: null, signedOff: null });
    expect(reached([at("ISSUED", 0), at("FORWARDED", 3), at("DECLINED", 8), at("REROUTED", 12), at("FORWARDED", 14)])).toMatchObject({ forwarded: 14 });
  });

  it("a send-back asks for new feedback; visits and chases change no step", () => {
    expect(reached([at("ISSUED", 0), at("SIGNED_OFF", 2), at("VISIT_ATTEMPT", 20), at("CHASED", 25), at("CHECKED_IN", 40), at("FEEDBACK", 50), at("SENT_BACK", 55)])).toEqual({
      issued: 0, forwarded: null, signedOff: 2, onSite: 40, reported: null, closed: null,
    });
  });

  it("a cancelled instruction is closed", () => {
    expect(reached([at("ISSUED", 0), at("CANCELLED", 3)])).toMatchObject({ closed: 3 });
  });
});
