import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addCounts, indicatorValue, NO_COUNTS, quartileBands, RANKING_INDICATORS, type Band } from "@/lib/instructions/indicators";

describe("quartile bands", () => {
  it("colours the top and bottom quarter, leaves the middle half", () => {
    expect(quartileBands([8, 7, 6, 5, 4, 3, 2, 1])).toEqual(["top", "top", "middle", "middle", "middle", "middle", "bottom", "bottom"]);
    expect(quartileBands([0.5, 0.9, 0.1, 0.7])).toEqual(["middle", "top", "bottom", "middle"]);
  });

  it("rounds a quarter down: of six units one is green and one red", () => {
    expect(quartileBands([6, 5, 4, 3, 2, 1])).toEqual(["top", "middle", "middle", "middle", "middle", "bottom"]);
    expect(quartileBands([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual(["top", "top", "middle", "middle", "middle", "middle", "middle", "middle", "bottom", "bottom"]);
  });

  it("gives tied values the same band", () => {
    expect(quartileBands([10, 10, 5, 5])).toEqual(["top", "top", "bottom", "bottom"]);
    expect(quartileBands([10, 10, 10, 5])).toEqual(["top", "top", "top", "bottom"]);
    expect(quartileBands([10, 7, 7, 7, 7, 7, 7, 3])).toEqual(["top", "middle", "middle", "middle", "middle", "middle", "middle", "bottom"]);
  });

  it("colours nobody when everyone is tied", () => {
    expect(quartileBands([1, 1, 1, 1, 1])).toEqual(["middle", "middle", "middle", "middle", "middle"]);
  });

  it("has no bands for fewer than four ranked units, and none for a unit without a value", () => {
    expect(quartileBands([])).toEqual([]);
    expect(quartileBands([3, 2, 1])).toEqual([null, null, null]);
    expect(quartileBands([3, null, 2, null, 1])).toEqual([null, null, null, null, null]);
    expect(quartileBands([4, null, 3, 2, 1])).toEqual(["top", null, "middle", "middle", "bottom"]);
  });

  it("for any values: bands depend on the value only, better never ranks lower, and each coloured band holds at most a quarter unless tied", () => {
    const order: Record<Band, number> = { bottom: 0, middle: 1, top: 2 };
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 40 }), (values) => {
        const bands = quartileBands(values);
        const ranked = values.filter((v) => v !== null).length;
        values.forEach((v, i) => {
          expect(bands[i] === null).toBe(v === null || ranked < 4);
          values.forEach((w, j) => {
            if (v === null || w === null || bands[i] === null) return;
            if (v === w) expect(bands[i]).toBe(bands[j]);
            if (v > w) expect(order[bands[i]!]).toBeGreaterThanOrEqual(order[bands[j]!]);
          });
        });
        // A green unit has fewer than a quarter of the units strictly above it; a red one below.
        values.forEach((v, i) => {
          if (v === null) return;
          const better = values.filter((w) => w !== null && w > v).length;
          const worse = values.filter((w) => w !== null && w < v).length;
          if (bands[i] === "top") expect(1 + better).toBeLessThanOrEqual(ranked / 4);
          if (bands[i] === "bottom") expect(1 + worse).toBeLessThanOrEqual(ranked / 4);
        });
      }),
    );
  });
});

describe("indicator values", () => {
  const counts = { receipts: 8, onTimeSignOffs: 6, onTimeFeedbacks: 7, metFaceToFace: 5, dissuaded: 9, defrauded: 1 };

  it("divides on-time routings by receipts and dissuaded by dissuaded + defrauded; counts people met", () => {
    expect(indicatorValue("onTimeSignOff", counts)).toBe(0.75);
    expect(indicatorValue("onTimeFeedback", counts)).toBe(0.875);
    expect(indicatorValue("metFaceToFace", counts)).toBe(5);
    expect(indicatorValue("dissuasionRate", counts)).toBe(0.9);
  });

  it("leaves a rate with nothing to divide by unranked, but counts zero people met", () => {
    expect(RANKING_INDICATORS.map((k) => indicatorValue(k, NO_COUNTS))).toEqual([null, null, 0, null]);
  });

  it("adds a district's own counts and its stations'", () => {
    expect(addCounts(counts, counts)).toEqual({ receipts: 16, onTimeSignOffs: 12, onTimeFeedbacks: 14, metFaceToFace: 10, dissuaded: 18, defrauded: 2 });
  });
});
