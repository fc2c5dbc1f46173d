// A translator over the console's real catalogs (lib/i18n/messages/<locale>/*.json), as the pages
// get from next-intl, for unit tests of code that formats messages.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/audit/describe-audit-event";

const dir = path.resolve(import.meta.dirname, "../../lib/i18n/messages");

export function catalogMessages(locale: Locale): Record<string, unknown> {
  const files = readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"));
  return Object.fromEntries(files.map((f) => [path.basename(f, ".json"), JSON.parse(readFileSync(path.join(dir, locale, f), "utf8"))]));
}

export function catalogTranslator(locale: Locale): Translate {
  // Keys are plain strings here, as in the pages (the catalogs are not typed into next-intl).
  const t = createTranslator({ locale, messages: catalogMessages(locale) });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), {
    has: (key: string) => t.has(key as never),
  });
}
