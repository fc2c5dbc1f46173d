import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, SECTION_CLIENT_MESSAGES, SHARED_CLIENT_MESSAGES, type ClientSection } from "@/lib/i18n/client-messages";

// The browser gets only the words its client components read (lib/i18n/client-messages.ts). A
// client component reading a key that is not sent shows the key instead of the word, so every
// client component and every module it imports is read here: each key they can ask for must be
// among the words sent to where the client component lives.

const root = path.resolve(import.meta.dirname, "../..");
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx?|mts)$/.test(name) ? [file] : [];
  });
}

const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(root, d)));
const isClient = (source: string) => /^\s*["']use client["']/.test(source);
const clientFiles = files.filter((f) => isClient(readFileSync(f, "utf8")));

/** The section folder a file lives in, if any. */
function sectionOf(file: string): ClientSection | undefined {
  const r = rel(file);
  return (Object.keys(SECTION_CLIENT_MESSAGES) as ClientSection[]).find((s) => r.startsWith(`${s}/`));
}

/** The message keys (or key prefixes) a client file can read. */
export function keysRead(source: string): string[] {
  const namespaces = [...source.matchAll(/useTranslations\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
  if (!/useTranslations\(\s*\)/.test(source)) return namespaces;
  // Without a namespace the calls name whole keys: t("a.b") or t(`a.b.${x}`) (its fixed prefix).
  const literal = [...source.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]!);
  const templated = [...source.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)].map((m) => m[1]!.replace(/\.$/, ""));
  return [...namespaces, ...literal, ...templated];
}

const covered = (key: string, paths: readonly string[]) => paths.some((p) => key === p || key.startsWith(`${p}.`));

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find((f) => existsSync(f) && statSync(f).isFile());
}

/** The file and every module it imports (not `import type`), transitively: what runs in the browser from a client component. */
function clientGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const m of readFileSync(entry, "utf8").matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)) {
    const target = resolveImport(entry, m[1]!);
    if (target) clientGraph(target, seen);
  }
  return seen;
}

describe("words sent to the browser", () => {
  it("finds the client components (the scan works)", () => {
    expect(clientFiles.length).toBeGreaterThan(50);
    expect(keysRead(`"use client";\nconst t = useTranslations();\nt("queue.col.risk"); t(\`risk.\${r}\`);`)).toEqual(["queue.col.risk", "risk"]);
  });

  it("every key a client component (or a module it renders) reads is sent to where it lives", () => {
    const missing = new Set<string>();
    for (const entry of clientFiles) {
      // A client component renders under its section's provider, whatever folder its imports live in.
      const section = sectionOf(entry);
      const sent = [...SHARED_CLIENT_MESSAGES, ...(section ? SECTION_CLIENT_MESSAGES[section] : [])];
      for (const file of clientGraph(entry)) {
        for (const key of keysRead(readFileSync(file, "utf8"))) {
          if (!covered(key, sent)) missing.add(`${rel(entry)}${file === entry ? "" : ` → ${rel(file)}`}: ${key}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("every path sent exists in the catalog, and the shell's words are far fewer than all", () => {
    const catalog = Object.fromEntries(
      readdirSync(path.join(root, "lib/i18n/messages/zh-CN")).map((f) => [path.basename(f, ".json"), JSON.parse(readFileSync(path.join(root, "lib/i18n/messages/zh-CN", f), "utf8"))]),
    );
    const exists = (p: string) => p.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog) !== undefined;
    const all = [...SHARED_CLIENT_MESSAGES, ...Object.values(SECTION_CLIENT_MESSAGES).flat()];
    expect(all.filter((p) => !exists(p))).toEqual([]);
    const size = (m: unknown) => JSON.stringify(m).length;
    expect(size(clientMessages(catalog))).toBeLessThan(size(catalog) / 4);
    // A section gets the shell's words too: a provider replaces its parent's messages.
    const section = clientMessages(catalog, "app/(console)/requests/[id]") as Record<string, Record<string, unknown>>;
    expect(section.nav).toBeDefined();
    expect(section.bankRequestPage).toBeDefined();
  });
});
