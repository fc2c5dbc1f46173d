import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";

// Every UI string exists in every language, with the same placeholders.
const dir = path.resolve(import.meta.dirname, "../../lib/i18n/messages");

function flatten(obj: unknown, prefix = ""): Record<string, string> {
  if (typeof obj === "string") return { [prefix]: obj };
  return Object.entries(obj as Record<string, unknown>).reduce<Record<string, string>>(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {},
  );
}

function catalog(locale: string): Record<string, string> {
  const files = readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"));
  return Object.assign({}, ...files.map((f) => flatten(JSON.parse(readFileSync(path.join(dir, locale, f), "utf8")), path.basename(f, ".json"))));
}

describe("message catalogs", () => {
  const [zh, ...others] = LOCALES.map(catalog);
  it("zh-CN is not empty", () => {
    expect(Object.keys(zh!).length).toBeGreaterThan(100);
  });
  for (const [i, other] of others.entries()) {
    it(`${LOCALES[i + 1]} has exactly the keys of zh-CN, with the same placeholders`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(zh!).sort());
      for (const [key, text] of Object.entries(zh!)) {
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(other[key]!), key).toEqual(placeholders(text));
      }
    });
  }
});
