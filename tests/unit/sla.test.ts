import { describe, expect, it } from "vitest";
import { firstContactDeadline } from "@/lib/alerts/sla";

describe("first-contact deadline", () => {
  const detected = new Date("2026-11-21T02:00:00Z");
  it("follows the default minutes per risk level", () => {
    expect(firstContactDeadline(detected, "URGENT").toISOString()).toBe("2026-11-21T02:05:00.000Z");
    expect(firstContactDeadline(detected, "HIGH").toISOString()).toBe("2026-11-21T02:15:00.000Z");
    expect(firstContactDeadline(detected, "MEDIUM").toISOString()).toBe("2026-11-21T03:00:00.000Z");
    expect(firstContactDeadline(detected, "LOW").toISOString()).toBe("2026-11-22T02:00:00.000Z");
  });
});
