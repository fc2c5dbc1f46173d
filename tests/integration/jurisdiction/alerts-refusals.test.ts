// Every domain function on alerts, tried by every role, from inside and outside the jurisdiction,
// and from the second city (临川, accounts lc.*) on the demo city's (江州) alerts. One row of a
// table per function: the roles that may call it, the state its alert must be in, the call.
// A refusal must leave one audit row and nothing else; whoever may, is served the same call.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/prisma/generated/client/enums";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { getAlertWorkspace } from "@/lib/server/alerts/get-alert-workspace";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { listAlertFilterOptions } from "@/lib/server/alerts/list-alert-filter-options";
import { listTriageQueue } from "@/lib/server/alerts/list-triage-queue";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { releaseAlert } from "@/lib/server/alerts/release-alert";
import { recordContactAttempt } from "@/lib/server/alerts/record-contact-attempt";
import { commentOnAlert } from "@/lib/server/alerts/comment-on-alert";
import { changeAlertRisk } from "@/lib/server/alerts/change-alert-risk";
import { setAlertJurisdiction } from "@/lib/server/alerts/set-alert-jurisdiction";
import { closeAlert } from "@/lib/server/alerts/close-alert";
import { AlertListFilterSchema, type AlertListFilter } from "@/lib/schemas/alerts";
import { CloseAlertSchema, QueueFilterSchema, type QueueFilter } from "@/lib/schemas/triage";
import { idNumberCheckChar } from "@/lib/pii/id-number";
import { alertPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { CITY_ACCOUNTS, INSTALLATION_ACCOUNTS, signInAll } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";
import { allPages } from "../../support/all-pages";
import { auditRowsAfter, databaseFingerprint, expectListedWithout, expectOtherRolesRefused, expectOutsiderRefused, lastAuditId, type RefusalRow } from "../../support/refusals";

await openTestDatabase("demo");

const READERS: readonly Role[] = ["ANALYST", "SUPERVISOR", "DISTRICT_COORDINATOR", "STATION_OFFICER"];
const FIELD_READERS: readonly Role[] = ["ANALYST", "DISTRICT_COORDINATOR", "STATION_OFFICER"];
const ANALYSTS: readonly Role[] = ["ANALYST"];

const SECOND_CITY_ACCOUNTS = ["lc.analyst1", "lc.leader", "lc.coord.l01", "lc.officer.l01s01"] as const;
const ID_NUMBER = "36010219850612004" + idNumberCheckChar("36010219850612004");

/** An alert of 江州 made for one row: NEW, or claimed by analyst1. */
interface Target {
  alertId: string;
  version: number;
  phone: string;
  districtId: string | null;
  stationId: string | null;
}

interface Row extends RefusalRow<Target> {
  state: "new" | "claimed";
}

/** Listings answer with ids: the target's id is listed to those who may see it, never to others. */
interface ListRow {
  name: string;
  allowed: readonly Role[];
  listed: (actor: Actor, t: Target) => Promise<string[]>;
}

let actors: Record<string, Actor>;
/** Another station of 江州, where setAlertJurisdiction moves an alert. */
let otherStationId: string;

async function prepare(state: "new" | "claimed", stationCode: string | null): Promise<Target> {
  const [alertId] = await createNewAlerts(1, { stationCode, address: "江州市测试路1号", idNumber: ID_NUMBER });
  const version = state === "claimed" ? (await claimAlert(actors["analyst1"]!, { alertId: alertId! })).version : 1;
  const row = await db.alert.findUniqueOrThrow({ where: { id: alertId }, select: { districtId: true, stationId: true } });
  return { alertId: alertId!, version, phone: await alertPhone(alertId!), districtId: row.districtId, stationId: row.stationId };
}

function allAlertIds(actor: Actor, filter: Partial<AlertListFilter>): Promise<string[]> {
  return allPages((cursor) => listAlerts(actor, { ...AlertListFilterSchema.parse({}), ...filter, cursor })).then((items) => items.map((i) => i.id));
}

function allQueueIds(actor: Actor, filter: Partial<QueueFilter>): Promise<string[]> {
  return allPages((cursor) => listTriageQueue(actor, { ...QueueFilterSchema.parse({}), ...filter, cursor })).then((items) => items.map((i) => i.id));
}

const RECORD_ROWS: Row[] = [
  { name: "getAlert", allowed: READERS, state: "new", call: (a, t) => getAlert(a, t.alertId) },
  { name: "getAlertWorkspace", allowed: READERS, state: "new", call: (a, t) => getAlertWorkspace(a, t.alertId) },
  { name: "revealPersonField(phone)", allowed: FIELD_READERS, state: "new", call: (a, t) => revealPersonField(a, { alertId: t.alertId, field: "phone", reason: "电话劝阻" }) },
  { name: "revealPersonField(address)", allowed: FIELD_READERS, state: "new", call: (a, t) => revealPersonField(a, { alertId: t.alertId, field: "address", reason: "上门劝阻" }) },
  { name: "revealPersonField(idNumber)", allowed: ANALYSTS, state: "new", call: (a, t) => revealPersonField(a, { alertId: t.alertId, field: "idNumber", reason: "核实身份" }) },
  { name: "claimAlert", allowed: ANALYSTS, state: "new", call: (a, t) => claimAlert(a, { alertId: t.alertId }) },
  { name: "releaseAlert", allowed: ANALYSTS, state: "claimed", call: (a, t) => releaseAlert(a, { alertId: t.alertId, version: t.version }) },
  {
    name: "recordContactAttempt",
    allowed: ANALYSTS,
    state: "claimed",
    call: (a, t) => recordContactAttempt(a, { alertId: t.alertId, version: t.version, channel: "PHONE", result: "NO_ANSWER" }),
  },
  { name: "commentOnAlert", allowed: ANALYSTS, state: "claimed", call: (a, t) => commentOnAlert(a, { alertId: t.alertId, text: "家属已知情" }) },
  {
    name: "changeAlertRisk",
    allowed: ANALYSTS,
    state: "claimed",
    call: (a, t) => changeAlertRisk(a, { alertId: t.alertId, version: t.version, riskLevel: "URGENT", reason: "正在转账" }),
  },
  {
    name: "setAlertJurisdiction",
    allowed: ANALYSTS,
    state: "claimed",
    call: (a, t) => setAlertJurisdiction(a, { alertId: t.alertId, version: t.version, stationId: otherStationId }),
  },
  {
    name: "closeAlert",
    allowed: ANALYSTS,
    state: "claimed",
    call: (a, t) => closeAlert(a, CloseAlertSchema.parse({ alertId: t.alertId, version: t.version, outcome: "FALSE_ALARM" })),
  },
];

// Each listing is filtered to the target's station (or the unrouted ones): an outsider cannot
// widen a list with another unit's filter, so its answer is empty.
const LIST_ROWS: ListRow[] = [
  { name: "listAlerts", allowed: READERS, listed: (a, t) => allAlertIds(a, t.stationId ? { stationId: t.stationId } : { unrouted: true }) },
  { name: "listTriageQueue", allowed: ANALYSTS, listed: (a, t) => allQueueIds(a, t.districtId ? { districtId: t.districtId } : { unrouted: true }) },
  { name: "searchOpenAlertsByPhone", allowed: ANALYSTS, listed: async (a, t) => (await searchOpenAlertsByPhone(a, t.phone)).results.map((r) => r.id) },
];

/** The districts offered as filters (tried across cities below, where the target does not apply). */
const FILTER_OPTIONS_ROW: ListRow = { name: "listAlertFilterOptions", allowed: READERS, listed: async (a) => (await listAlertFilterOptions(a)).districts.map((d) => d.id) };

beforeAll(async () => {
  actors = await signInAll([...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS, ...SECOND_CITY_ACCOUNTS, "coord.d02"]);
  otherStationId = (await db.orgUnit.findUniqueOrThrow({ where: { code: "D01S02" }, select: { id: true } })).id;
});

describe("alert functions refuse every role they are not for", () => {
  const everyone = () => [...CITY_ACCOUNTS, ...INSTALLATION_ACCOUNTS].map((u) => actors[u]!);

  it.each(RECORD_ROWS.map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare(row.state, "D01S01");
    const served = await expectOtherRolesRefused(row.name, everyone(), row.allowed, (a) => row.call(a, t), t.alertId);
    // The alert is at D01S01, inside the jurisdiction of every account of an allowed role.
    expect(served.length).toBeGreaterThan(0);
    for (const actor of served) await row.call(actor, t);
  });

  it.each([...LIST_ROWS, FILTER_OPTIONS_ROW].map((row) => [row.name, row] as const))("%s", async (_, row) => {
    const t = await prepare("new", "D01S01");
    const served = await expectOtherRolesRefused(row.name, everyone(), row.allowed, (a) => row.listed(a, t));
    expect(served.length).toBeGreaterThan(0);
    for (const actor of served) {
      const listed = await row.listed(actor, t);
      if (LIST_ROWS.includes(row)) expect(listed, `${actor.username} ${row.name}`).toContain(t.alertId);
    }
  });
});

/** Someone outside the alert's jurisdiction, and someone inside it who is served the same call. */
const OUTSIDERS = [
  { outsider: "officer.d01s01", station: "D01S02", insider: "coord.d01", where: "a neighbouring station of the same district" },
  { outsider: "coord.d01", station: "D02S01", insider: "coord.d02", where: "another district" },
  { outsider: "officer.d01s01", station: null, insider: "analyst1", where: "no station yet" },
  { outsider: "coord.d01", station: null, insider: "analyst1", where: "no district yet" },
  { outsider: "lc.analyst1", station: "D01S01", insider: "analyst1", where: "the other city" },
  { outsider: "lc.leader", station: "D01S01", insider: "leader", where: "the other city" },
  { outsider: "lc.coord.l01", station: "D01S01", insider: "coord.d01", where: "the other city" },
  { outsider: "lc.officer.l01s01", station: "D01S01", insider: "officer.d01s01", where: "the other city" },
] as const;

describe("outside the jurisdiction an alert does not exist", () => {
  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s on an alert of %s: not found, audited, nothing changed", async (_, __, c) => {
    const rows = RECORD_ROWS.map((row) => ({ ...row, prepare: () => prepare(row.state, c.station) }));
    await expectOutsiderRefused(rows, { outsider: actors[c.outsider]!, insider: actors[c.insider]! }, (t) => t.alertId);
  });

  it.each(OUTSIDERS.map((c) => [c.outsider, c.where, c] as const))("%s lists nothing of %s, even asking for it by filter or phone", async (_, __, c) => {
    const outsider = actors[c.outsider]!;
    const insider = actors[c.insider]!;
    for (const row of LIST_ROWS.filter((r) => r.allowed.includes(outsider.role))) {
      const t = await prepare("new", c.station);
      const listed = await expectListedWithout(`${c.outsider} ${row.name}`, () => row.listed(outsider, t), [t.alertId]);
      expect(listed, `${c.outsider} ${row.name}`).toEqual([]);
      expect(await row.listed(insider, t), `${c.insider} ${row.name}`).toContain(t.alertId);
    }
  });
});

describe("the second city's listings hold none of 江州's alerts", () => {
  it("unfiltered lists, queue and filter choices of lc.* accounts are all of 临川", async () => {
    const jz = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" }, select: { id: true } });
    const jzDistricts = (await db.orgUnit.findMany({ where: { cityId: jz.id, kind: "DISTRICT" }, select: { id: true } })).map((d) => d.id);
    const jzAlerts = await createNewAlerts(3, { minutesAgo: 0 });
    const before = await databaseFingerprint();
    for (const username of SECOND_CITY_ACCOUNTS) {
      const actor = actors[username]!;
      const listed = await allAlertIds(actor, {});
      expect(listed.length, username).toBeGreaterThan(0);
      expect(await db.alert.count({ where: { id: { in: listed }, cityId: { not: actor.cityId! } } }), username).toBe(0);
      const options = await listAlertFilterOptions(actor);
      expect(options.districts.filter((d) => jzDistricts.includes(d.id)), username).toEqual([]);
      for (const id of jzAlerts) expect(listed, username).not.toContain(id);
    }
    const analyst = actors["lc.analyst1"]!;
    const queue = await allQueueIds(analyst, {});
    expect(queue.length).toBeGreaterThan(0);
    expect(await db.alert.count({ where: { id: { in: queue }, cityId: { not: analyst.cityId! } } })).toBe(0);
    // City-wide accounts are offered their own city's districts, the others none.
    expect((await listAlertFilterOptions(analyst)).districts.length).toBe(await db.orgUnit.count({ where: { cityId: analyst.cityId!, kind: "DISTRICT" } }));
    expect((await listAlertFilterOptions(actors["lc.coord.l01"]!)).districts).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a phone search from the other city finds nothing and is audited as a search, not as a denial", async () => {
    const t = await prepare("new", "D01S01");
    const analyst = actors["lc.analyst1"]!;
    const last = await lastAuditId();
    const found = await searchOpenAlertsByPhone(analyst, t.phone);
    expect(found.results).toEqual([]);
    const rows = await auditRowsAfter(last);
    expect(rows.map((r) => [r.actorId, r.cityId, r.action, r.outcome, r.details])).toEqual([
      [analyst.userId, analyst.cityId, "alert.search_phone", "SUCCESS", { phone: found.maskedPhone, results: 0 }],
    ]);
  });
});
