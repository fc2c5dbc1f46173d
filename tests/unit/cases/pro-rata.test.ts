import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proRataShares } from "@/lib/cases/pro-rata";

describe("pro-rata return shares (按比例返还)", () => {
  it("splits ¥100.00 over losses 1:1:1 into whole fen that add up, the leftover fen to the earliest", () => {
    const shares = proRataShares(10_000n, [{ id: "a", lossFen: 5_000n }, { id: "b", lossFen: 5_000n }, { id: "c", lossFen: 5_000n }]);
    expect(shares.map((s) => s.shareFen)).toEqual([3334n, 3333n, 3333n]);
  });

  it("never creates or loses a fen, never gives more than a loss, and is proportional within a fen", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 11n }), { minLength: 1, maxLength: 12 }), (total, losses) => {
        const shares = proRataShares(total, losses.map((lossFen, i) => ({ id: String(i), lossFen })));
        const sum = losses.reduce((s, l) => s + l, 0n);
        const paid = total > sum ? sum : total;
        expect(shares.reduce((s, x) => s + x.shareFen, 0n)).toBe(paid);
        for (const s of shares) {
          expect(s.shareFen <= s.lossFen).toBe(true);
          const exact = (paid * s.lossFen) / sum;
          expect(s.shareFen - exact >= 0n && s.shareFen - exact <= 1n).toBe(true);
        }
      }),
    );
  });
});
