// One refused look at a screen is one event, so it is one DENIED row: each page asks one
// domain function (or, for the alert page, one after the other, the first refusing), and
// what that function reads beside its list refuses nobody. Before, a page that read its list and
// its choices side by side wrote a denial for each.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { getAlertListScreen } from "@/lib/server/alerts/get-alert-list-screen";
import { getTriageQueueScreen } from "@/lib/server/alerts/get-triage-queue-screen";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { getAlertWorkspace } from "@/lib/server/alerts/get-alert-workspace";
import { listAlertInstructions } from "@/lib/server/instructions/list-alert-instructions";
import { listInstructions } from "@/lib/server/instructions/list-instructions";
import { getDistrictScreen } from "@/lib/server/instructions/get-district-screen";
import { getNotificationCentre } from "@/lib/server/notifications/get-notification-centre";
import { InstructionListSchema } from "@/lib/schemas/instructions";
import { getUsersScreen } from "@/lib/server/users/list-users";
import { getCommunitiesScreen } from "@/lib/server/config/communities";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { getBankDesk } from "@/lib/server/bank-desk/get-bank-desk";
import { listSources } from "@/lib/server/sources/list-sources";
import { listDeadlineRules } from "@/lib/server/config/deadline-rules";
import { getPlaybook, listPlaybooks } from "@/lib/server/config/playbooks";
import { listCalendarYear } from "@/lib/server/config/calendar-days";
import { getBank, listBanks } from "@/lib/server/config/banks";
import { getCitySettings } from "@/lib/server/config/city-settings";
import { AlertListFilterSchema } from "@/lib/schemas/alerts";
import { QueueFilterSchema } from "@/lib/schemas/triage";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

let alertId: string;
let bankId: string;
beforeAll(async () => {
  const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S02" }, select: { id: true } });
  alertId = (await db.alert.findFirstOrThrow({ where: { stationId: station.id }, select: { id: true } })).id;
  bankId = (await db.bank.findFirstOrThrow({ select: { id: true } })).id;
});

/** What each page of the console reads, called the way the page calls it. */
const SCREENS: [page: string, read: (actor: Actor) => Promise<unknown>][] = [
  ["/alerts", (a) => getAlertListScreen(a, AlertListFilterSchema.parse({}))],
  ["/queue", (a) => getTriageQueueScreen(a, QueueFilterSchema.parse({}))],
  // The alert page reads the alert, then its workspace and its instructions: the first refusal ends the page.
  ["/alerts/[id]", async (a) => [await getAlert(a, alertId), await getAlertWorkspace(a, alertId), await listAlertInstructions(a, alertId)]],
  ["/instructions", (a) => listInstructions(a, "city", InstructionListSchema.parse({}))],
  ["/instructions/issued", (a) => listInstructions(a, "issued")],
  ["/district", (a) => getDistrictScreen(a)],
  ["/notifications", (a) => getNotificationCentre(a)],
  ["/admin/users", (a) => getUsersScreen(a, {})],
  ["/admin/communities", (a) => getCommunitiesScreen(a, {})],
  ["/admin/sources", (a) => listSources(a)],
  ["/admin/deadlines", (a) => listDeadlineRules(a)],
  ["/admin/playbooks", (a) => listPlaybooks(a)],
  ["/admin/playbooks/[fraudType]", (a) => getPlaybook(a, "ROMANCE")],
  ["/admin/calendar", (a) => listCalendarYear(a, 2031)],
  ["/admin/banks", (a) => listBanks(a)],
  ["/admin/banks/[bankId]", (a) => getBank(a, bankId)],
  ["/admin/money-settings", (a) => getCitySettings(a)],
  ["/audit", (a) => listAuditEvents(a, AuditFilterSchema.parse({}))],
  ["/bank-desk", (a) => getBankDesk(a)],
];

/**
 * Lets a refused call finish everything it started before the rows are counted: a screen that
 * read two things side by side answered on the first refusal while the second was still being
 * written. (The fixed screens start nothing that writes later, so waiting can only make the count
 * stricter; nothing here measures time.)
 */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 250));
}

async function deniedRows(actor: Actor): Promise<{ action: string; details: unknown }[]> {
  return db.auditEvent.findMany({ where: { actorId: actor.userId, outcome: "DENIED" }, orderBy: { id: "asc" }, select: { action: true, details: true } });
}

describe("one refused look at a screen writes one DENIED row", () => {
  it.each(SCREENS)("%s, refused to the wall screen's account (no role may less)", async (_page, read) => {
    const wall = await signInAs("wall");
    const before = (await deniedRows(wall)).length;
    await expect(read(wall)).rejects.toBeInstanceOf(DomainError);
    await settled();
    const after = await deniedRows(wall);
    expect(after.length - before).toBe(1);
    expect(after.at(-1)!.details).toEqual({ reason: "role" });
  });

  it("the users screen of the security administrator reads the accounts without a refusal (it lacks only the right to create them)", async () => {
    const secadmin = await signInAs("secadmin");
    const screen = await getUsersScreen(secadmin, {});
    expect(screen.list.rows.length).toBeGreaterThan(0);
    expect(screen.assignable).toBeNull();
    await settled();
    expect(await deniedRows(secadmin)).toEqual([]);
  });

  it.each([
    ["a station officer of the same district", "officer.d01s01"],
    ["an analyst of another city", "lc.analyst1"],
  ])("the alert page for %s: 'not found', one DENIED row for the jurisdiction", async (_who, username) => {
    const outsider = await signInAs(username);
    const before = (await deniedRows(outsider)).length;
    await expect(SCREENS.find(([page]) => page === "/alerts/[id]")![1](outsider)).rejects.toBeInstanceOf(DomainError);
    await settled();
    const after = await deniedRows(outsider);
    expect(after.slice(before)).toEqual([{ action: "alert.read", details: { reason: "jurisdiction" } }]);
  });

  it("the screens a role may use write no DENIED row at all", async () => {
    for (const [username, pages] of [
      ["analyst1", ["/alerts", "/queue", "/alerts/[id]"]],
      ["admin", ["/admin/users", "/admin/communities", "/admin/deadlines", "/admin/playbooks", "/admin/playbooks/[fraudType]", "/admin/calendar", "/admin/banks", "/admin/money-settings"]],
      ["auditor", ["/audit"]],
      ["bank.abc", ["/bank-desk"]],
      ["prov.admin", ["/admin/sources", "/admin/calendar", "/admin/banks", "/admin/banks/[bankId]"]],
    ] as const) {
      const actor = await signInAs(username);
      for (const page of pages) await SCREENS.find(([p]) => p === page)![1](actor);
      await settled();
      expect(await deniedRows(actor), username).toEqual([]);
    }
  });
});
