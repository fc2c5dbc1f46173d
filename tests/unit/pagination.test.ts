// Every keyset cursor comes back from the client. Whatever it holds, it either decodes to values
// a query can take (a real UUID, a date within the console's years, a real risk level, an id
// within bigint) or is refused with the one typed error: nothing else escapes.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import {
  decodeAlertListCursor,
  decodeAuditCursor,
  decodeQueueCursor,
  encodeAlertListCursor,
  encodeAuditCursor,
  encodeQueueCursor,
  isInvalidCursor,
} from "@/lib/pagination";
import { RiskLevel } from "@/prisma/generated/client/enums";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const ID = "3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f";
const AT = "2026-11-21T09:30:00.000Z";
/** Passes the old check `/^[0-9a-f-]{36}$/` and is no UUID (PostgreSQL refuses it). */
const NOT_A_UUID = "-".repeat(36);
const HEX_36 = "0123456789abcdef0123456789abcdef0123";
/** The earliest date JavaScript has; PostgreSQL refuses it. */
const YEAR_MINUS_271821 = new Date(-8.64e15).toISOString();

function refusal(decode: () => unknown): unknown {
  try {
    decode();
  } catch (error) {
    return error;
  }
  return "accepted";
}

function expectRefused(decode: () => unknown) {
  const error = refusal(decode);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code: "invalidCursor", field: "cursor" });
  expect(isInvalidCursor(error)).toBe(true);
}

describe("no cursor is the first page", () => {
  it.each([undefined, ""])("%j", (raw) => {
    expect(decodeAlertListCursor(raw)).toBeNull();
    expect(decodeQueueCursor(raw)).toBeNull();
    expect(decodeAuditCursor(raw)).toBeNull();
  });
});

describe("the cursors this module makes come back as they went", () => {
  it("alert list", () => {
    const at = new Date(AT);
    expect(decodeAlertListCursor(encodeAlertListCursor({ at, id: ID }))).toEqual({ at, id: ID });
  });
  it("queue", () => {
    const deadline = new Date(AT);
    expect(decodeQueueCursor(encodeQueueCursor({ risk: "URGENT", deadline, id: ID }))).toEqual({ risk: "URGENT", deadline, id: ID });
  });
  it("audit", () => {
    expect(decodeAuditCursor(encodeAuditCursor(9_223_372_036_854_775_807n))).toBe(9_223_372_036_854_775_807n);
    expect(decodeAuditCursor(encodeAuditCursor(1n))).toBe(1n);
  });

  const within = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59.999Z"), noInvalidDate: true });
  const uuid = fc.constant(null).map(() => randomUUID());
  it("any row of the console's years (property)", () => {
    fc.assert(
      fc.property(within, uuid, fc.constantFrom(...Object.values(RiskLevel)), (at, id, risk) => {
        expect(decodeAlertListCursor(encodeAlertListCursor({ at, id }))).toEqual({ at, id });
        expect(decodeQueueCursor(encodeQueueCursor({ risk, deadline: at, id }))).toEqual({ risk, deadline: at, id });
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (id) => {
        expect(decodeAuditCursor(encodeAuditCursor(id))).toBe(id);
      }),
    );
  });
});

describe("crafted cursors are refused with the typed error", () => {
  it.each([
    ["a non-UUID that passes [0-9a-f-]{36}", { d: AT, i: NOT_A_UUID }],
    ["36 hex digits without dashes", { d: AT, i: HEX_36 }],
    ["a date in year −271821", { d: YEAR_MINUS_271821, i: ID }],
    ["a date in year +275760", { d: new Date(8.64e15).toISOString(), i: ID }],
    ["a date before 2000", { d: "1999-12-31T23:59:59.999Z", i: ID }],
    ["a date after 2100", { d: "2100-01-01T00:00:00.001Z", i: ID }],
    ["a date with an offset", { d: "2026-11-21T17:30:00+08:00", i: ID }],
    ["a date that is no date", { d: "yesterday", i: ID }],
    ["a number for the date", { d: 1_764_000_000_000, i: ID }],
    ["a member too many", { d: AT, i: ID, x: 1 }],
    ["__proto__ smuggled in", JSON.parse(`{"d":"${AT}","i":"${ID}","__proto__":{"i":"x"}}`)],
    ["an array", [AT, ID]],
    ["null", null],
  ])("alert list: %s", (_, value) => {
    expectRefused(() => decodeAlertListCursor(b64(value)));
  });

  it.each([
    ["a risk named toString", { r: "toString", d: AT, i: ID }],
    ["a risk named __proto__", { r: "__proto__", d: AT, i: ID }],
    ["a risk named constructor", { r: "constructor", d: AT, i: ID }],
    ["a risk named hasOwnProperty", { r: "hasOwnProperty", d: AT, i: ID }],
    ["a risk in lower case", { r: "urgent", d: AT, i: ID }],
    ["a non-UUID that passes [0-9a-f-]{36}", { r: "HIGH", d: AT, i: NOT_A_UUID }],
    ["a deadline in year −271821", { r: "HIGH", d: YEAR_MINUS_271821, i: ID }],
    ["no risk", { d: AT, i: ID }],
  ])("queue: %s", (_, value) => {
    expectRefused(() => decodeQueueCursor(b64(value)));
  });

  it.each([
    ["an id past bigint", "9223372036854775808"],
    ["twenty digits", "99999999999999999999"],
    ["zero", "0"],
    ["a leading zero", "0123"],
    ["a negative id", "-1"],
    ["a decimal", "1.5"],
    ["an exponent", "1e18"],
    ["hex", "0x10"],
    ["spaces", " 12 "],
    ["full-width digits", "１２"],
  ])("audit: %s", (_, raw) => {
    expectRefused(() => decodeAuditCursor(raw));
  });

  it.each([
    ["not base64url", "a+b/c="],
    ["not JSON", b64("2026-11-21T09:30:00.000Z|" + ID)],
    ["truncated", encodeAlertListCursor({ at: new Date(AT), id: ID }).slice(0, -3)],
    ["too long", "A".repeat(257)],
    ["a percent-encoded NUL", "%00"],
  ])("any keyset cursor: %s", (_, raw) => {
    expectRefused(() => decodeAlertListCursor(raw));
    expectRefused(() => decodeQueueCursor(raw));
  });

  it("one list's cursor is not another's", () => {
    const alertCursor = encodeAlertListCursor({ at: new Date(AT), id: ID });
    const queueCursor = encodeQueueCursor({ risk: "LOW", deadline: new Date(AT), id: ID });
    expectRefused(() => decodeQueueCursor(alertCursor));
    expectRefused(() => decodeAlertListCursor(queueCursor));
    expectRefused(() => decodeAuditCursor(alertCursor));
  });
});

describe("arbitrary input never throws anything but the typed error (property)", () => {
  /** What PostgreSQL takes as a uuid. */
  const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
  const inYears = (d: Date) => d.getTime() >= Date.UTC(2000, 0, 1) && d.getTime() <= Date.UTC(2100, 0, 1);

  /** Decodes; an accepted cursor must hold values a query can take. */
  function decodeEach(raw: string) {
    for (const decode of [decodeAlertListCursor, decodeQueueCursor, decodeAuditCursor] as const) {
      const error = refusal(() => {
        const c = decode(raw);
        if (c === null) throw new Error("a non-empty cursor decoded to the first page");
        if (typeof c === "bigint") expect(c > 0n && c < 2n ** 63n).toBe(true);
        else {
          expect(c.id).toMatch(UUID);
          const at = "at" in c ? c.at : c.deadline;
          expect(inYears(at)).toBe(true);
          if ("risk" in c) expect(Object.values(RiskLevel)).toContain(c.risk);
        }
      });
      if (error !== "accepted") expect(isInvalidCursor(error), String(error)).toBe(true);
    }
  }

  it("any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 300 }), decodeEach), { numRuns: 2000 });
  });

  it("base64url of any JSON, and of objects shaped like cursors", () => {
    const iso = (d: Date) => d.toISOString();
    const risk = fc.oneof(fc.constantFrom(...Object.values(RiskLevel), "toString", "valueOf", "__proto__", "constructor"), fc.jsonValue());
    const date = fc.oneof(
      fc.constantFrom(AT, YEAR_MINUS_271821),
      fc.date({ noInvalidDate: true }).map(iso),
      fc.date({ min: new Date("1990-01-01"), max: new Date("2110-01-01"), noInvalidDate: true }).map(iso),
      fc.jsonValue(),
    );
    const id = fc.oneof(fc.constantFrom(ID, NOT_A_UUID, HEX_36), fc.uuid(), fc.jsonValue());
    const shaped = fc.oneof(fc.record({ r: risk, d: date, i: id }, { requiredKeys: [] }), fc.record({ d: date, i: id }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (value) => decodeEach(b64(value) || "e30")),
      { numRuns: 2000 },
    );
  });
});
