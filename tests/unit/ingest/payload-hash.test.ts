import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, payloadHash } from "@/lib/server/ingest/payload-hash";
import { parseIngestAlert } from "@/lib/schemas/ingest";

/** The same data with every object's keys in another order. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!).reverse();
    return Object.fromEntries(rotated.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
  }
  return value;
}

describe("canonicalJson", () => {
  it("sorts keys at every level, keeps array order, drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: null, y: "é" }], c: undefined } })).toBe('{"a":{"d":[3,1,{"y":"é","z":null}]},"b":1}');
  });

  it("escapes strings like JSON and writes integers plainly", () => {
    expect(canonicalJson({ s: 'a"\\\n', n: 4500000, t: true, z: -0 })).toBe('{"n":4500000,"s":"a\\"\\\\\\n","t":true,"z":0}');
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });

  it("is valid JSON that parses back to the same data, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it("does not depend on key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(10), (v, seed) => {
        expect(canonicalJson(shuffleKeys(v, seed))).toBe(canonicalJson(v));
      }),
    );
  });
});

describe("payloadHash", () => {
  const base = {
    externalId: "NAT-1",
    riskLevel: "HIGH",
    fraudType: "FAKE_LOAN",
    detectedAt: "2026-11-21T09:30:00+08:00",
    person: { name: "张三", phone: "13800138000", idNumber: "11010519491231002X" },
    callerNumbers: ["+85255512345"],
  };
  const hashOf = (item: unknown) => {
    const parsed = parseIngestAlert(item);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return payloadHash(parsed.alert);
  };

  it("is 64 lowercase hex characters", () => {
    expect(hashOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for the same alert written differently (normalisation happens before hashing)", () => {
    const respelled = {
      callerNumbers: ["+852 5551 2345"],
      person: { idNumber: "11010519491231002x", phone: "+86 138-0013-8000", name: " 张三 ", address: null },
      detectedAt: "2026-11-21T01:30:00.000Z",
      fraudType: "FAKE_LOAN",
      riskLevel: "HIGH",
      externalId: "NAT-1",
      urls: [],
      appNames: null,
      amountInTransferFen: null,
    };
    expect(hashOf(respelled)).toBe(hashOf(base));
  });

  it("changes when any stored value changes", () => {
    const h = hashOf(base);
    const variants = [
      { ...base, riskLevel: "URGENT" },
      { ...base, detectedAt: "2026-11-21T09:30:01+08:00" },
      { ...base, person: { ...base.person, address: "某地" } },
      { ...base, callerNumbers: ["+85255512346"] },
      { ...base, callerNumbers: [...base.callerNumbers, "+85255512345"] },
      { ...base, amountInTransferFen: 0 },
      { ...base, stationCode: "D01S01" },
    ];
    for (const v of variants) expect(hashOf(v)).not.toBe(h);
  });
});
