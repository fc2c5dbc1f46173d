import { describe, expect, it } from "vitest";
import { alertEffectOf, FEEDBACK_OUTCOMES } from "@/lib/instructions/feedback-outcome";

describe("feedback → alert", () => {
  it("maps every outcome as the centers do", () => {
    expect(Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, alertEffectOf(o)]))).toEqual({
      DISSUADED: { kind: "close", outcome: "DISSUADED" },
      DEFRAUDED: { kind: "close", outcome: "DEFRAUDED" },
      NOT_FOUND: { kind: "close", outcome: "UNREACHABLE" },
      NOT_THE_PERSON: { kind: "close", outcome: "FALSE_ALARM" },
      DUPLICATE: { kind: "join" },
      NOT_FOUND_YET: { kind: "none" },
    });
  });
});
