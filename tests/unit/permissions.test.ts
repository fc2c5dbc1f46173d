import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, alertScope, auditScope, can, instructionScope, landingPath, userScope, type Action } from "@/lib/auth/permissions";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import type { Actor } from "@/lib/auth/actor";
import type { Role, UnitKind } from "@/prisma/generated/client/enums";

// The expected matrix, written out independently of PERMISSIONS: every role × every action, for
// an account of a city. Installation-level accounts are tested below.
const EXPECTED: Record<Action, Role[]> = {
  "alert.list": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealPhone": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealAddress": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "alert.revealIdNumber": ["ANALYST"],
  "alert.triage": ["ANALYST"],
  "alert.ingest": [],
  "instruction.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "instruction.dispatch": ["ANALYST", "DISTRICT_COORDINATOR"],
  "instruction.route": ["ANALYST", "DISTRICT_COORDINATOR"],
  "instruction.work": ["STATION_OFFICER"],
  "instruction.revealContact": ["STATION_OFFICER"],
  "instruction.supervise": ["SUPERVISOR", "DISTRICT_COORDINATOR"],
  "ranking.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR"],
  "notification.read": ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER", "BANK_LIAISON", "SUPERVISOR", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
  "bankDesk.read": ["BANK_LIAISON"],
  "case.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"],
  "case.file": ["ANALYST", "SUPERVISOR"],
  "case.approve": ["SUPERVISOR"],
  "bankRequest.read": ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER", "BANK_LIAISON"],
  "bankRequest.answer": ["BANK_LIAISON", "ANALYST", "SUPERVISOR"],
  "bankRequest.revealAccount": ["BANK_LIAISON", "ANALYST", "SUPERVISOR"],
  "audit.read": ["SUPERVISOR", "AUDIT_ADMIN"],
  "user.list": ["SYSTEM_ADMIN", "SECURITY_ADMIN"],
  "user.manage": ["SYSTEM_ADMIN"],
  "user.unlock": ["SECURITY_ADMIN"],
  // Installation-wide: never a city's account.
  "source.list": [],
  "source.manage": [],
  "apiKey.manage": [],
  "config.manage": ["SYSTEM_ADMIN"],
  "community.manage": ["SYSTEM_ADMIN"],
  // The calendar and the banks: every system administrator reads them, the installation's keeps them.
  "calendar.read": ["SYSTEM_ADMIN"],
  "calendar.manage": [],
  "bankConfig.list": ["SYSTEM_ADMIN"],
  "bankConfig.manage": [],
  "citySetting.manage": ["SYSTEM_ADMIN"],
  "wall.view": ["DISPLAY"],
};

/** A city unit fits every role but these, which belong to a district or a station. */
function unitKindOf(role: Role): UnitKind {
  if (role === "DISTRICT_COORDINATOR") return "DISTRICT";
  if (role === "STATION_OFFICER") return "STATION";
  return "CITY";
}

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return {
    userId: "u",
    username: "u",
    displayName: "测试",
    role,
    unitId: "unit",
    unitKind: unitKindOf(role),
    unitName: "江州市公安局反诈中心",
    cityId: "city-1",
    districtId: role === "DISTRICT_COORDINATOR" || role === "STATION_OFFICER" ? "d-3" : null,
    stationId: role === "STATION_OFFICER" ? "s-9" : null,
    bankId: role === "BANK_LIAISON" ? "bank-1" : null,
    sessionId: "s",
    mustChangePassword: false,
    ...extra,
  };
}

function installationActor(role: Role): Actor {
  return actor(role, { unitKind: "INSTALLATION", cityId: null, districtId: null, stationId: null, bankId: null });
}

const NOTHING = { id: { in: [] } };

describe("permissions", () => {
  it("covers every action in the expected matrix, and nine roles", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(ROLES).toHaveLength(9);
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`a city's ${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(role), action)).toBe(allowed);
      });
    }
  }

  it("keeps installation-wide records with the installation's administrators", () => {
    expect(can(installationActor("SYSTEM_ADMIN"), "source.manage")).toBe(true);
    expect(can(installationActor("SECURITY_ADMIN"), "source.list")).toBe(true);
    expect(can(installationActor("SECURITY_ADMIN"), "apiKey.manage")).toBe(true);
    expect(can(installationActor("SYSTEM_ADMIN"), "config.manage")).toBe(true);
    expect(can(installationActor("SYSTEM_ADMIN"), "apiKey.manage")).toBe(false);
    expect(can(installationActor("SECURITY_ADMIN"), "source.manage")).toBe(false);
    // A city's routing table is the city's own business.
    expect(can(installationActor("SYSTEM_ADMIN"), "community.manage")).toBe(false);
    for (const action of ["calendar.read", "calendar.manage", "bankConfig.list", "bankConfig.manage"] as const) {
      expect(can(installationActor("SYSTEM_ADMIN"), action), action).toBe(true);
      expect(can(installationActor("SECURITY_ADMIN"), action), action).toBe(false);
    }
    expect(can(installationActor("SYSTEM_ADMIN"), "citySetting.manage")).toBe(false);
  });

  it("separates the three administrators (三权分立)", () => {
    const sys = actor("SYSTEM_ADMIN");
    const sec = actor("SECURITY_ADMIN");
    const aud = actor("AUDIT_ADMIN");
    expect([can(sys, "user.manage"), can(sys, "user.unlock"), can(sys, "audit.read")]).toEqual([true, false, false]);
    expect([can(sec, "user.manage"), can(sec, "user.unlock"), can(sec, "audit.read")]).toEqual([false, true, false]);
    expect([can(aud, "user.manage"), can(aud, "user.unlock"), can(aud, "audit.read")]).toEqual([false, false, true]);
  });

  it("lets the wall screen do nothing but show its own screen (aggregates come with the results workflow)", () => {
    for (const action of Object.keys(EXPECTED) as Action[]) expect(can(actor("DISPLAY"), action)).toBe(action === "wall.view");
  });

  it("supervisors and admins never reveal personal data", () => {
    for (const role of ["SUPERVISOR", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DISPLAY"] as const) {
      expect(can(actor(role), "alert.revealPhone")).toBe(false);
      expect(can(actor(role), "alert.revealIdNumber")).toBe(false);
      expect(can(actor(role), "alert.revealAddress")).toBe(false);
    }
  });

  it("bank liaisons never see ID numbers", () => {
    expect(can(actor("BANK_LIAISON"), "alert.revealIdNumber")).toBe(false);
  });
});

describe("jurisdictionOf", () => {
  it("follows the role and the unit", () => {
    expect(jurisdictionOf(actor("ANALYST"))).toEqual({ kind: "city", cityId: "city-1" });
    expect(jurisdictionOf(actor("DISTRICT_COORDINATOR"))).toEqual({ kind: "district", cityId: "city-1", districtId: "d-3" });
    expect(jurisdictionOf(actor("STATION_OFFICER"))).toEqual({ kind: "station", cityId: "city-1", districtId: "d-3", stationId: "s-9" });
    expect(jurisdictionOf(actor("BANK_LIAISON"))).toEqual({ kind: "bank", cityId: "city-1", bankId: "bank-1" });
    expect(jurisdictionOf(installationActor("AUDIT_ADMIN"))).toEqual({ kind: "installation" });
  });

  it("gives nothing to an account whose unit does not fit its role", () => {
    expect(jurisdictionOf(actor("DISTRICT_COORDINATOR", { unitKind: "CITY" }))).toEqual({ kind: "none" });
    expect(jurisdictionOf(actor("STATION_OFFICER", { stationId: null }))).toEqual({ kind: "none" });
    expect(jurisdictionOf(actor("BANK_LIAISON", { bankId: null }))).toEqual({ kind: "none" });
    expect(jurisdictionOf(actor("ANALYST", { unitKind: "STATION" }))).toEqual({ kind: "none" });
    expect(jurisdictionOf(actor("ANALYST", { cityId: null, unitKind: "CITY" }))).toEqual({ kind: "none" });
  });
});

describe("alertScope", () => {
  it("gives city-wide roles their city", () => {
    expect(alertScope(actor("ANALYST"))).toEqual({ cityId: "city-1" });
    expect(alertScope(actor("SUPERVISOR"))).toEqual({ cityId: "city-1" });
  });

  it("gives a district coordinator only their district", () => {
    expect(alertScope(actor("DISTRICT_COORDINATOR"))).toEqual({ cityId: "city-1", districtId: "d-3" });
  });

  it("gives a station officer only their station", () => {
    expect(alertScope(actor("STATION_OFFICER"))).toEqual({ cityId: "city-1", stationId: "s-9" });
  });

  it("matches nothing for roles without alert access, or a coordinator without a district", () => {
    for (const role of ["BANK_LIAISON", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DISPLAY"] as const) {
      expect(alertScope(actor(role))).toEqual(NOTHING);
      expect(alertScope(installationActor(role))).toEqual(NOTHING);
    }
    expect(alertScope(actor("DISTRICT_COORDINATOR", { districtId: null }))).toEqual(NOTHING);
    expect(alertScope(actor("STATION_OFFICER", { stationId: null }))).toEqual(NOTHING);
  });
});

describe("instructionScope", () => {
  it("is built like the alerts': the city, the district, only what the station holds", () => {
    expect(instructionScope(actor("ANALYST"))).toEqual({ cityId: "city-1" });
    expect(instructionScope(actor("SUPERVISOR"))).toEqual({ cityId: "city-1" });
    expect(instructionScope(actor("DISTRICT_COORDINATOR"))).toEqual({ cityId: "city-1", districtId: "d-3" });
    expect(instructionScope(actor("STATION_OFFICER"))).toEqual({ cityId: "city-1", stationId: "s-9" });
  });

  it("matches nothing for the roles without instructions, wherever their unit", () => {
    for (const role of ["BANK_LIAISON", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DISPLAY"] as const) {
      expect(instructionScope(actor(role))).toEqual(NOTHING);
      expect(instructionScope(installationActor(role))).toEqual(NOTHING);
    }
    expect(instructionScope(actor("STATION_OFFICER", { stationId: null }))).toEqual(NOTHING);
  });

  it("only officers work instructions and reveal contacts through them; supervisors and admins never reveal", () => {
    for (const role of ROLES) expect(can(actor(role), "instruction.revealContact"), role).toBe(role === "STATION_OFFICER");
  });
});

describe("userScope and auditScope", () => {
  it("a city's administrators see their city's accounts, the installation's all of them", () => {
    expect(userScope(actor("SYSTEM_ADMIN"))).toEqual({ unit: { cityId: "city-1" } });
    expect(userScope(actor("SECURITY_ADMIN"))).toEqual({ unit: { cityId: "city-1" } });
    expect(userScope(installationActor("SYSTEM_ADMIN"))).toEqual({});
    expect(userScope(actor("AUDIT_ADMIN"))).toEqual(NOTHING);
    expect(userScope(actor("ANALYST"))).toEqual(NOTHING);
  });

  it("the audit administrator reads the unit's whole trail; supervisors the city's business events", () => {
    expect(auditScope(actor("AUDIT_ADMIN"))).toEqual({ cityId: "city-1" });
    expect(auditScope(installationActor("AUDIT_ADMIN"))).toEqual({});
    const supervisor = auditScope(actor("SUPERVISOR")) as { cityId: string; OR: unknown[] };
    expect(supervisor.cityId).toBe("city-1");
    expect(supervisor.OR).toContainEqual({ action: { startsWith: "alert." } });
    expect(JSON.stringify(supervisor.OR)).not.toMatch(/auth\.|user\.|apikey|deadline|playbook/);
    for (const role of ["ANALYST", "SYSTEM_ADMIN", "SECURITY_ADMIN", "DISPLAY", "BANK_LIAISON"] as const) {
      expect(auditScope(actor(role))).toEqual(NOTHING);
    }
  });
});

describe("landingPath", () => {
  it("sends each role to its first screen", () => {
    expect(landingPath("ANALYST")).toBe("/queue");
    expect(landingPath("SUPERVISOR")).toBe("/instructions");
    expect(landingPath("DISTRICT_COORDINATOR")).toBe("/district");
    expect(landingPath("STATION_OFFICER")).toBe("/inbox");
    expect(landingPath("BANK_LIAISON")).toBe("/bank-desk");
    expect(landingPath("SYSTEM_ADMIN")).toBe("/admin/users");
    expect(landingPath("SECURITY_ADMIN")).toBe("/admin/users");
    expect(landingPath("AUDIT_ADMIN")).toBe("/audit");
    expect(landingPath("DISPLAY")).toBe("/wall");
  });
});
