import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";

// One catalog file per namespace (lib/i18n/messages/<locale>/<namespace>.json), so each area of
// the console keeps its own words and a new screen adds a file instead of editing a shared one.
const cache = new Map<Locale, Promise<Record<string, unknown>>>();

async function load(locale: Locale): Promise<Record<string, unknown>> {
  const dir = path.join(process.cwd(), "lib/i18n/messages", locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const entries = await Promise.all(
    files.map(async (f) => [path.basename(f, ".json"), JSON.parse(await readFile(path.join(dir, f), "utf8"))] as const),
  );
  return Object.fromEntries(entries);
}

export function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  let messages = cache.get(locale);
  if (!messages || process.env.NODE_ENV === "development") {
    messages = load(locale);
    cache.set(locale, messages);
  }
  return messages;
}
