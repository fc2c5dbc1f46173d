import { describe, expect, it } from "vitest";
import { checkDispatch, straightToStation } from "@/lib/instructions/dispatch-rule";
import type { AlertStatus } from "@/prisma/generated/client/enums";

const ME = "me";
const analyst = { userId: ME, cityWide: true };
const coordinator = { userId: ME, cityWide: false };

describe("who may dispatch an alert", () => {
  it.each<[AlertStatus, string | null, typeof analyst, ReturnType<typeof checkDispatch>]>([
    ["NEW", null, analyst, null],
    ["CLAIMED", ME, analyst, null],
    ["CLAIMED", "other", analyst, "notHolder"],
    ["CLOSED", ME, analyst, "alertNotOpen"],
    ["JOINED", null, analyst, "alertNotOpen"],
    ["NEW", null, coordinator, null],
    ["CLAIMED", "other", coordinator, null],
    ["CLOSED", null, coordinator, "alertNotOpen"],
  ])("%s held by %s (city-wide: %o) → %s", (status, assigneeId, actor, expected) => {
    expect(checkDispatch({ status, assigneeId }, actor)).toBe(expected);
  });

  it("sends high and urgent risk straight to the station", () => {
    expect(["LOW", "MEDIUM", "HIGH", "URGENT"].map((r) => straightToStation(r as never))).toEqual([false, false, true, true]);
  });
});
