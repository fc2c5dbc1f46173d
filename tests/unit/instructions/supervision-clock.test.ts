import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currentDeadline, escalationTime, nextReminder, routingDeadlines, urgencyAt, type ClockedInstruction } from "@/lib/instructions/supervision-clock";

const MIN = 60_000;
const t0 = new Date("2026-12-03T02:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

// An urgent instruction: sign off within 10 minutes, feedback within an hour, escalation at 2 hours.
function urgent(overrides: Partial<ClockedInstruction> = {}): ClockedInstruction {
  const d = routingDeadlines(t0, t0, { signOff: at(10), feedback: at(60) });
  return { status: "AT_STATION", issuedAt: t0, routedAt: t0, signOffDeadline: d.signOffDeadline, feedbackDeadline: d.feedbackDeadline, escalatedAt: null, ...overrides };
}

describe("supervision clocks (fake clock)", () => {
  it("escalates at twice the feedback interval from the first dispatch", () => {
    expect(routingDeadlines(t0, t0, { signOff: at(10), feedback: at(60) }).escalateAt).toEqual(at(120));
    // Re-routed after 90 minutes: new deadlines, the escalation still counts from the dispatch.
    const rerouted = routingDeadlines(t0, at(90), { signOff: at(100), feedback: at(150) });
    expect(rerouted.escalateAt).toEqual(at(120));
    expect(rerouted.feedbackDeadline).toEqual(at(150));
  });

  it("never has feedback due before sign-off", () => {
    expect(routingDeadlines(t0, t0, { signOff: at(30), feedback: at(20) }).feedbackDeadline).toEqual(at(30));
  });

  it("goes amber at the sign-off deadline before sign-off, and at the feedback deadline after", () => {
    expect(urgencyAt(urgent(), at(9))).toBe("onTime");
    expect(urgencyAt(urgent(), at(10))).toBe("overdue");
    expect(urgencyAt(urgent({ status: "SIGNED_OFF" }), at(30))).toBe("onTime");
    expect(urgencyAt(urgent({ status: "SIGNED_OFF" }), at(60))).toBe("overdue");
    expect(urgencyAt(urgent({ status: "ON_SITE", escalatedAt: at(120) }), at(121))).toBe("escalated");
  });

  it("stops counting once the feedback is in", () => {
    expect(urgencyAt(urgent({ status: "REPORTED" }), at(500))).toBe("onTime");
    expect(currentDeadline(urgent({ status: "REPORTED" }))).toBeNull();
    expect(currentDeadline(urgent())).toEqual(at(10));
    expect(currentDeadline(urgent({ status: "SIGNED_OFF" }))).toEqual(at(60));
  });

  it("reminds every feedback interval after escalation", () => {
    expect(nextReminder(at(120), 60 * MIN)).toEqual(at(180));
  });

  it("escalation is always after the feedback deadline of the first routing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 43_200 }), fc.integer({ min: 0, max: 43_200 }), (signOff, extra) => {
        const d = routingDeadlines(t0, t0, { signOff: at(signOff), feedback: at(signOff + extra) });
        return d.escalateAt > d.feedbackDeadline && d.feedbackDeadline >= d.signOffDeadline && escalationTime(t0, d.feedbackDeadline.getTime() - t0.getTime()).getTime() === d.escalateAt.getTime();
      }),
    );
  });
});
