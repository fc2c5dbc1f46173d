import { describe, expect, it } from "vitest";
import { concerns, isLiveTopic } from "@/lib/realtime/live-scope";
import type { Jurisdiction } from "@/lib/auth/jurisdiction";
import { isUserActivity } from "@/lib/auth/user-activity";

const CITY: Jurisdiction = { kind: "city", cityId: "c1" };
const DISTRICT: Jurisdiction = { kind: "district", cityId: "c1", districtId: "d1" };
const STATION: Jurisdiction = { kind: "station", cityId: "c1", districtId: "d1", stationId: "s1" };
const BANK: Jurisdiction = { kind: "bank", cityId: "c1", bankId: "b1" };
const OTHER_CITY: Jurisdiction = { kind: "city", cityId: "c2" };

const change = (keys: string[], all = false) => ({ keys, all });

describe("which live changes concern whom", () => {
  it("a change in one station reaches its station, district and city, and nobody else", () => {
    const c = change(["c:c1", "d:d1", "s:s1"]);
    expect([CITY, DISTRICT, STATION, OTHER_CITY].map((j) => concerns(c, j))).toEqual([true, true, true, false]);
    const elsewhere = change(["c:c1", "d:d2", "s:s7"]);
    expect([CITY, DISTRICT, STATION].map((j) => concerns(elsewhere, j))).toEqual([true, false, false]);
    // An unrouted alert concerns the city only.
    expect([CITY, DISTRICT, STATION].map((j) => concerns(change(["c:c1"]), j))).toEqual([true, false, false]);
  });

  it("a bank's change reaches that bank's desk in that city only", () => {
    expect(concerns(change(["c:c1", "b:b1"]), BANK)).toBe(true);
    expect(concerns(change(["c:c2", "b:b1"]), BANK)).toBe(false);
    expect(concerns(change(["c:c1", "b:b2"]), BANK)).toBe(false);
  });

  it("a change too large to name its units reaches every unit of the cities it names", () => {
    const all = change(["c:c1"], true);
    expect([CITY, DISTRICT, STATION, BANK, OTHER_CITY].map((j) => concerns(all, j))).toEqual([true, true, true, true, false]);
  });

  it("nobody without a jurisdiction, and the installation, hear anything", () => {
    expect(concerns(change(["c:c1", "d:d1", "s:s1"]), { kind: "none" })).toBe(false);
    expect(concerns(change(["c:c1"], true), { kind: "installation" })).toBe(false);
  });

  it("a notification reaches its recipient's pages only, whatever their jurisdiction", () => {
    const note = { topic: "notification", keys: ["c:c1", "u:me"], all: false };
    expect([CITY, DISTRICT, STATION, BANK].map((j) => concerns(note, j, "me"))).toEqual([true, true, true, true]);
    // Not another user of the same city, unit or station, not even a city-wide reader.
    expect([CITY, DISTRICT, STATION, BANK].map((j) => concerns(note, j, "someone-else"))).toEqual([false, false, false, false]);
    expect(concerns(note, CITY)).toBe(false);
    // Other topics still follow the units, not the user key.
    expect(concerns({ topic: "alert", keys: ["c:c1", "u:me"], all: false }, STATION, "me")).toBe(false);
  });

  it("a batch of notifications too large to name its recipients reaches every reader of its city, who refresh their own count", () => {
    const batch = { topic: "notification", keys: ["c:c1"], all: true };
    expect([CITY, DISTRICT, STATION, BANK, OTHER_CITY].map((j) => concerns(batch, j, "me"))).toEqual([true, true, true, true, false]);
    expect(concerns(batch, { kind: "installation" }, "me")).toBe(false);
    expect(concerns(batch, CITY)).toBe(false);
  });

  it("knows its topics, and nothing inherited from Object", () => {
    expect(isLiveTopic("alert")).toBe(true);
    expect(isLiveTopic("instruction")).toBe(true);
    expect(isLiveTopic("notification")).toBe(true);
    expect(["toString", "constructor", "__proto__", ""].some(isLiveTopic)).toBe(false);
  });
});

describe("which requests are the user's activity", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("a page load and a server action are; a live refresh, a prefetch, a stream or a client navigation are not", () => {
    expect(isUserActivity(headers({ "sec-fetch-dest": "document" }))).toBe(true);
    expect(isUserActivity(headers({ "sec-fetch-dest": "empty", "next-action": "abc" }))).toBe(true);
    // What the page sees of a router.refresh(): Next has stripped its RSC header.
    expect(isUserActivity(headers({ "sec-fetch-dest": "empty" }))).toBe(false);
    expect(isUserActivity(headers({ "sec-fetch-dest": "empty", rsc: "1", "next-router-prefetch": "1" }))).toBe(false);
  });

  it("a client that says nothing of the request's purpose (a script) counts, unless it asks for RSC", () => {
    expect(isUserActivity(headers({}))).toBe(true);
    expect(isUserActivity(headers({ rsc: "1" }))).toBe(false);
  });
});
