import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planJoins, planRaises, REPEAT_WINDOW_MS, type NewAlert, type OpenAlert } from "@/lib/server/ingest/plan-repeats";

const H = 3600_000;
const open = (id: string, personId: string, detectedAt: number, riskLevel: OpenAlert["riskLevel"] = "MEDIUM"): OpenAlert => ({ id, personId, detectedAt, riskLevel });
const incoming = (id: string, index: number, personId: string, detectedAt: number, riskLevel: NewAlert["riskLevel"] = "MEDIUM"): NewAlert => ({ id, index, personId, detectedAt, riskLevel });

describe("joining repeats (72 hours)", () => {
  it("joins the latest open alert of the same person within 72 hours, else opens", () => {
    const existing = [open("o1", "p", 0), open("o2", "p", 10 * H), open("o3", "q", 0)];
    const joins = planJoins([incoming("a", 0, "p", 50 * H), incoming("b", 1, "p", 80 * H), incoming("c", 2, "r", 5 * H), incoming("d", 3, "q", 73 * H)], existing);
    expect(joins.get("a")?.id).toBe("o2");
    // 80 h: o1 (0 h) is too old, o2 (10 h) is 70 h earlier.
    expect(joins.get("b")?.id).toBe("o2");
    // No open alert of r; q's is 73 h old.
    expect(joins.has("c")).toBe(false);
    expect(joins.has("d")).toBe(false);
  });

  it("inside one batch, the first alert of a person opens and the next ones join it, in detection order", () => {
    const joins = planJoins([incoming("late", 0, "p", 5 * H), incoming("early", 1, "p", 1 * H), incoming("later", 2, "p", 6 * H)], []);
    expect(joins.has("early")).toBe(false);
    expect(joins.get("late")?.id).toBe("early");
    expect(joins.get("later")?.id).toBe("early");
  });

  it("also joins an open alert detected after the new one (a delayed signal)", () => {
    expect(planJoins([incoming("a", 0, "p", 0)], [open("o", "p", 20 * H)]).get("a")?.id).toBe("o");
  });

  it("never joins across persons or beyond the window (property)", () => {
    const arb = fc.record({
      opens: fc.array(fc.record({ personId: fc.constantFrom("p", "q", "r"), detectedAt: fc.integer({ min: 0, max: 400 * H }) }), { maxLength: 8 }),
      news: fc.array(fc.record({ personId: fc.constantFrom("p", "q", "r"), detectedAt: fc.integer({ min: 0, max: 400 * H }) }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(arb, ({ opens, news }) => {
        const existing = opens.map((o, i) => open(`o${i}`, o.personId, o.detectedAt));
        const arriving = news.map((n, i) => incoming(`n${i}`, i, n.personId, n.detectedAt));
        const joins = planJoins(arriving, existing);
        const byId = new Map([...existing, ...arriving].map((x) => [x.id, x]));
        for (const [id, target] of joins) {
          const a = byId.get(id)!;
          expect(target.personId).toBe(a.personId);
          expect(target.detectedAt).toBeGreaterThanOrEqual(a.detectedAt - REPEAT_WINDOW_MS);
          // A join target is an open alert, or a new one that opened (never one that joined).
          expect(joins.has(target.id)).toBe(false);
        }
      }),
    );
  });
});

describe("raising a joined alert's risk", () => {
  it("takes the highest risk of its repeats, credited to the first that brought it, never lowers", () => {
    const target = open("o", "p", 0, "MEDIUM");
    const raises = planRaises([
      { alertId: "a", riskLevel: "HIGH", target },
      { alertId: "b", riskLevel: "URGENT", target },
      { alertId: "c", riskLevel: "URGENT", target },
      { alertId: "d", riskLevel: "LOW", target },
    ]);
    expect(raises.get("o")).toMatchObject({ to: "URGENT", byAlertId: "b" });
    expect(planRaises([{ alertId: "a", riskLevel: "LOW", target: open("x", "p", 0, "HIGH") }]).size).toBe(0);
  });
});
