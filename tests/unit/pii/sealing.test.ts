import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createVault, generatePiiKeyEnv, parsePiiKeys, SealedValueError } from "@/lib/pii/sealing";

const key = () => randomBytes(32);
const k1 = key();
const k2 = key();
const index = key();
const vault = createVault({ activeKeyId: "k1", keys: new Map([["k1", k1]]), indexKey: index });

describe("sealing personal data", () => {
  it("round-trips any text, with a fresh IV each time and the key id in the value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const a = vault.seal("address", text);
        const b = vault.seal("address", text);
        expect(a).toMatch(/^pd1:k1:[A-Za-z0-9_-]+$/);
        expect(a).not.toBe(b);
        expect(vault.open("address", a)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("binds the field: a value moved to another column does not open", () => {
    const sealed = vault.seal("phone", "13800138000");
    expect(() => vault.open("name", sealed)).toThrow(SealedValueError);
  });

  it("refuses altered, truncated, foreign or unknown-key values", () => {
    const sealed = vault.seal("name", "张三明");
    const body = sealed.split(":")[2]!;
    const flipped = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    for (const bad of [`pd1:k1:${flipped}`, `pd1:k1:${body.slice(0, 10)}`, "13800138000", "pd1:k9:" + body, "pd2:k1:" + body, ""]) {
      expect(() => vault.open("name", bad), bad).toThrow(SealedValueError);
    }
    const other = createVault({ activeKeyId: "k2", keys: new Map([["k2", k2]]), indexKey: index });
    expect(() => other.open("name", sealed)).toThrow(SealedValueError);
  });

  it("reads values of every configured key, and seals with the active one (rotation)", () => {
    const both = createVault({ activeKeyId: "k2", keys: new Map([["k1", k1], ["k2", k2]]), indexKey: index });
    const old = vault.seal("idNumber", "11010519491231002X");
    expect(both.open("idNumber", old)).toBe("11010519491231002X");
    expect(both.keyIdOf(old)).toBe("k1");
    expect(both.keyIdOf(both.seal("idNumber", "x"))).toBe("k2");
  });

  it("indexes exactly: same value same index, per field, independent of the sealing key", () => {
    const phone = "13800138000";
    expect(vault.blindIndex("phone", phone)).toMatch(/^[0-9a-f]{32}$/);
    expect(vault.blindIndex("phone", phone)).toBe(createVault({ activeKeyId: "k2", keys: new Map([["k2", k2]]), indexKey: index }).blindIndex("phone", phone));
    expect(vault.blindIndex("phone", phone)).not.toBe(vault.blindIndex("idNumber", phone));
    expect(vault.blindIndex("phone", phone)).not.toBe(vault.blindIndex("phone", "13800138001"));
    expect(vault.blindIndex("phone", phone)).not.toBe(createVault({ activeKeyId: "k1", keys: new Map([["k1", k1]]), indexKey: key() }).blindIndex("phone", phone));
  });

  it("reads its keys from the environment, and says what is wrong", () => {
    const env = generatePiiKeyEnv("demo1");
    const keys = parsePiiKeys(env);
    expect(keys.activeKeyId).toBe("demo1");
    expect(createVault(keys).open("name", createVault(keys).seal("name", "李四"))).toBe("李四");
    expect(() => parsePiiKeys({})).toThrow(/PII_KEYS/);
    expect(() => createVault(parsePiiKeys({ PII_KEYS: "a:c2hvcnQ=", PII_INDEX_KEY: env.PII_INDEX_KEY }))).toThrow(/32 bytes/);
    expect(() => createVault(parsePiiKeys({ PII_KEYS: env.PII_KEYS, PII_ACTIVE_KEY: "nope", PII_INDEX_KEY: env.PII_INDEX_KEY }))).toThrow(/active key/);
    expect(() => createVault(parsePiiKeys({ PII_KEYS: env.PII_KEYS }))).toThrow(/index key/);
  });
});
