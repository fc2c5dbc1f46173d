import { describe, expect, it } from "vitest";
import {
  formatPath,
  IngestEnvelopeSchema,
  MAX_ALERTS_PER_REQUEST,
  MAX_FIELD_ERRORS,
  parseIngestAlert,
  rawExternalId,
  type IngestAlertInput,
} from "@/lib/schemas/ingest";

const valid: IngestAlertInput = {
  externalId: "PROV-2026-0001",
  riskLevel: "MEDIUM",
  fraudType: "REBATE_TASK",
  detectedAt: "2026-11-20T22:15:00+08:00",
  person: { name: "欧阳修远", phone: "13912345678" },
};

function errorsOf(item: unknown) {
  const parsed = parseIngestAlert(item);
  if (parsed.ok) throw new Error("expected invalid");
  return parsed.errors;
}

function alertOf(item: unknown) {
  const parsed = parseIngestAlert(item);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.alert;
}

describe("a valid alert", () => {
  it("parses with its optional lists defaulted to [] and times in canonical UTC", () => {
    expect(alertOf(valid)).toEqual({
      externalId: "PROV-2026-0001",
      riskLevel: "MEDIUM",
      fraudType: "REBATE_TASK",
      detectedAt: "2026-11-20T14:15:00.000Z",
      person: { name: "欧阳修远", phone: "13912345678" },
      callerNumbers: [],
      appNames: [],
      urls: [],
      suspectAccounts: [],
    });
  });

  it("normalises the person's phone and ID number, and trims text", () => {
    const a = alertOf({ ...valid, person: { name: " 李四 ", phone: "0086 139-1234-5678", idNumber: " 11010519491231002x ", address: " 江州市 " } });
    expect(a.person).toEqual({ name: "李四", phone: "13912345678", idNumber: "11010519491231002X", address: "江州市" });
  });

  it("keeps fraud-side numbers as given (international prefixes included), minus whitespace", () => {
    expect(alertOf({ ...valid, callerNumbers: ["+852 5551 2345", "00 1 555 0100", "95555"] }).callerNumbers).toEqual(["+85255512345", "0015550100", "95555"]);
  });

  it("accepts null for optional fields, as absent", () => {
    const a = alertOf({ ...valid, stationCode: null, urls: null, amountInTransferFen: null, person: { ...valid.person, idNumber: null, address: null } });
    expect(a).toEqual(alertOf(valid));
  });

  it("accepts integer fen up to the safe-integer range", () => {
    expect(alertOf({ ...valid, amountInTransferFen: 19_800_000 }).amountInTransferFen).toBe(19_800_000);
    expect(alertOf({ ...valid, amountInTransferFen: Number.MAX_SAFE_INTEGER }).amountInTransferFen).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("an invalid alert", () => {
  it("rejects unknown fields at every level, by name", () => {
    expect(errorsOf({ ...valid, extra: 1, person: { ...valid.person, gender: "M" } })).toEqual(
      expect.arrayContaining([
        { path: "extra", message: "unknown field" },
        { path: "person.gender", message: "unknown field" },
      ]),
    );
  });

  it.each([
    ["a landline", "01012345678"],
    ["too short", "1391234567"],
    ["a foreign mobile", "+85255512345"],
    ["a 12 segment", "12912345678"],
    ["empty", ""],
  ])("rejects a person's phone that is %s", (_label, phone) => {
    expect(errorsOf({ ...valid, person: { ...valid.person, phone } })).toEqual([{ path: "person.phone", message: expect.stringContaining("mainland mobile") }]);
  });

  it("rejects an ID number with a wrong check character or an impossible birth date", () => {
    for (const idNumber of ["110105194912310021", "11010519491331002X", "1101051949123100", "110105194912310X2X"]) {
      expect(errorsOf({ ...valid, person: { ...valid.person, idNumber } })).toEqual([{ path: "person.idNumber", message: expect.stringContaining("GB 11643") }]);
    }
  });

  it.each([
    ["no offset", "2026-11-20T22:15:00"],
    ["no time", "2026-11-20"],
    ["an impossible date", "2026-02-30T10:00:00Z"],
    ["far in the future", "2999-01-01T00:00:00Z"],
    ["before 2000", "1999-12-31T23:59:59Z"],
    ["a number", 1763700000000],
  ])("rejects detectedAt with %s", (_label, detectedAt) => {
    expect(errorsOf({ ...valid, detectedAt }).map((e) => e.path)).toEqual(["detectedAt"]);
  });

  it("rejects unknown enum codes, fractional or negative fen, and bad externalIds", () => {
    expect(errorsOf({ ...valid, riskLevel: "low" }).map((e) => e.path)).toEqual(["riskLevel"]);
    expect(errorsOf({ ...valid, fraudType: "SCAM" }).map((e) => e.path)).toEqual(["fraudType"]);
    expect(errorsOf({ ...valid, amountInTransferFen: 1.5 }).map((e) => e.path)).toEqual(["amountInTransferFen"]);
    expect(errorsOf({ ...valid, amountInTransferFen: -1 }).map((e) => e.path)).toEqual(["amountInTransferFen"]);
    expect(errorsOf({ ...valid, amountInTransferFen: "100" }).map((e) => e.path)).toEqual(["amountInTransferFen"]);
    for (const externalId of ["", "has space", "中文", "x".repeat(65), 42]) {
      expect(new Set(errorsOf({ ...valid, externalId }).map((e) => e.path))).toEqual(new Set(["externalId"]));
    }
  });

  it("rejects text that PostgreSQL cannot store or that hides control characters", () => {
    for (const name of ["a\u0000b", "\ud800", "x\u0007", "   ", "长".repeat(65)]) {
      expect(errorsOf({ ...valid, person: { ...valid.person, name } }).map((e) => e.path)).toEqual(["person.name"]);
    }
  });

  it("rejects over-long evidence lists and items, naming the item", () => {
    expect(errorsOf({ ...valid, urls: ["ok", ""] })).toEqual([{ path: "urls[1]", message: expect.any(String) }]);
    expect(errorsOf({ ...valid, appNames: Array.from({ length: 51 }, () => "app") }).map((e) => e.path)).toEqual(["appNames"]);
  });

  it("reports an item that is not an object at the root path", () => {
    for (const item of [null, 1, "x", [], true]) expect(errorsOf(item)).toEqual([{ path: "", message: expect.any(String) }]);
  });
});

describe("helpers", () => {
  it("formats paths with dots for keys and brackets for indexes", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["person", "phone"])).toBe("person.phone");
    expect(formatPath(["callerNumbers", 2])).toBe("callerNumbers[2]");
    expect(formatPath([0, "a", 1, 2])).toBe("[0].a[1][2]");
  });

  it("labels results with the raw externalId only when it is a valid one", () => {
    expect(rawExternalId({ externalId: "A-1" })).toBe("A-1");
    expect(rawExternalId({ externalId: "a b" })).toBeNull();
    expect(rawExternalId([])).toBeNull();
    expect(rawExternalId(null)).toBeNull();
  });

  it("the envelope takes 1 to 1,000 items and nothing else", () => {
    expect(IngestEnvelopeSchema.safeParse({ alerts: [1] }).success).toBe(true);
    expect(IngestEnvelopeSchema.safeParse({ alerts: new Array(MAX_ALERTS_PER_REQUEST).fill(0) }).success).toBe(true);
    expect(IngestEnvelopeSchema.safeParse({ alerts: new Array(MAX_ALERTS_PER_REQUEST + 1).fill(0) }).success).toBe(false);
    expect(IngestEnvelopeSchema.safeParse({ alerts: [] }).success).toBe(false);
    expect(IngestEnvelopeSchema.safeParse({ alerts: [1], more: true }).success).toBe(false);
  });
});

describe("error lists", () => {
  it("are capped per item, saying how many more there were", () => {
    const noisy = { ...valid, ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i])) };
    const errors = errorsOf(noisy);
    expect(errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(errors.at(-1)).toEqual({ path: "", message: `and ${500 - MAX_FIELD_ERRORS + 1} more errors` });
  });
});
