import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, alertScope, can, landingPath, type Action } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/prisma/generated/client/enums";

// The expected matrix, written out independently of PERMISSIONS: every role × every action.
const EXPECTED: Record<Action, Role[]> = {
  "alert.list": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealPhone": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealAddress": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealIdNumber": ["ANALYST"],
  "alert.triage": ["ANALYST"],
  "alert.watch": ["ANALYST", "SUPERVISOR"],
  "alert.ingest": [],
  "bankDesk.read": ["BANK_LIAISON"],
  "audit.read": ["SUPERVISOR", "ADMIN"],
  "user.manage": ["ADMIN"],
  "source.manage": ["ADMIN"],
  "config.manage": ["ADMIN"],
};

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return {
    userId: "u",
    username: "u",
    displayName: "测试",
    role,
    unitId: "unit",
    unitKind: "CITY",
    unitName: "江州市公安局反诈中心",
    cityId: "city-1",
    districtId: null,
    stationId: null,
    bankId: null,
    sessionId: "s",
    mustChangePassword: false,
    ...extra,
  };
}

describe("permissions", () => {
  it("covers every action in the expected matrix", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("supervisors and admins never reveal personal data", () => {
    for (const role of ["SUPERVISOR", "ADMIN"] as const) {
      expect(can(role, "alert.revealPhone")).toBe(false);
      expect(can(role, "alert.revealIdNumber")).toBe(false);
      expect(can(role, "alert.revealAddress")).toBe(false);
    }
  });

  it("bank liaisons never see ID numbers", () => {
    expect(can("BANK_LIAISON", "alert.revealIdNumber")).toBe(false);
  });
});

describe("alertScope", () => {
  it("gives city-wide roles their city", () => {
    expect(alertScope(actor("ANALYST"))).toEqual({ cityId: "city-1" });
    expect(alertScope(actor("SUPERVISOR"))).toEqual({ cityId: "city-1" });
  });

  it("gives a district coordinator only their district", () => {
    expect(alertScope(actor("DISTRICT_COORDINATOR", { districtId: "d-3" }))).toEqual({ cityId: "city-1", districtId: "d-3" });
  });

  it("gives a station officer only their station", () => {
    expect(alertScope(actor("STATION_OFFICER", { districtId: "d-3", stationId: "s-9" }))).toEqual({ cityId: "city-1", stationId: "s-9" });
  });

  it("matches nothing for roles without alert access, or a coordinator without a district", () => {
    const nothing = { id: { in: [] } };
    expect(alertScope(actor("BANK_LIAISON"))).toEqual(nothing);
    expect(alertScope(actor("ADMIN"))).toEqual(nothing);
    expect(alertScope(actor("DISTRICT_COORDINATOR"))).toEqual(nothing);
    expect(alertScope(actor("STATION_OFFICER"))).toEqual(nothing);
  });
});

describe("landingPath", () => {
  it("sends each role to its first screen", () => {
    expect(landingPath("ANALYST")).toBe("/queue");
    expect(landingPath("SUPERVISOR")).toBe("/alerts");
    expect(landingPath("STATION_OFFICER")).toBe("/alerts");
    expect(landingPath("BANK_LIAISON")).toBe("/bank-desk");
    expect(landingPath("ADMIN")).toBe("/admin/users");
  });
});
