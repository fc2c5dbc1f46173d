// The catalog of audit actions is the one list of what the trail can say: every action the code
// can write has a sentence in every language, with the same placeholders, each of which the
// formatter fills. A new action without a sentence fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { AUDIT_ACTIONS, actionsIn } from "@/lib/audit/audit-actions";
import { sentenceValues } from "@/lib/audit/describe-audit-event";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";
import { catalogMessages, catalogTranslator } from "../support/catalog-translator";

const root = path.resolve(import.meta.dirname, "../..");

/** The code that writes audit rows: domain functions, authorization, routes, the seed. Not the pages or the formatter, whose dotted strings are catalog keys. */
const WRITERS = ["lib/server", "lib/auth", "lib/audit/record-audit.ts", "app/api", "prisma/seed"];

function sourceFiles(relative: string): { file: string; text: string }[] {
  const full = path.join(root, relative);
  if (relative.endsWith(".ts")) return [{ file: relative, text: readFileSync(full, "utf8") }];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ file: path.join(relative, f), text: readFileSync(path.join(full, f), "utf8") }));
}

const ACTION_SHAPE = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z_]*$/;
const literals = (code: string) => [...code.matchAll(/["'`]([^"'`\n]*)["'`]/g)].map((m) => m[1]!).filter((s) => ACTION_SHAPE.test(s));

/**
 * The action strings the code can write, found three ways: the value of any `action:` property
 * (recordAudit, recordDenial, createWithAudit; also conditional ones); any string of an action's
 * shape whose area the trail knows (maps such as TRIAGE_AUDIT_ACTION, arguments such as
 * changeUser's); and the actions of hand-written INSERTs into audit_event.
 */
function actionsWrittenByTheCode(): Set<string> {
  const areas = new Set([...AUDIT_ACTIONS, ...Object.keys(PERMISSIONS)].map((a) => a.split(".")[0]!));
  const found = new Set<string>();
  for (const { text } of WRITERS.flatMap(sourceFiles)) {
    for (const m of text.matchAll(/\baction:\s*((?:"[^"\n]*"|'[^'\n]*'|[^,}\n"'])+)/g)) literals(m[1]!).forEach((a) => found.add(a));
    literals(text).filter((a) => areas.has(a.split(".")[0]!)).forEach((a) => found.add(a));
    for (const m of text.matchAll(/INSERT INTO "?audit_event"?[\s\S]*?(?:;|`\s*[,)])/g)) {
      for (const s of m[0].matchAll(/'([^'\n]*)'/g)) if (ACTION_SHAPE.test(s[1]!)) found.add(s[1]!);
    }
  }
  return found;
}

/** The names of the arguments of an ICU message, including those inside select and plural branches. */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentNames(option.value, into);
    }
    if (el.type === TYPE.tag) argumentNames(el.children, into);
  }
  return into;
}

function entry(locale: (typeof LOCALES)[number], action: string): { label?: unknown; sentence?: unknown } | undefined {
  let node: unknown = catalogMessages(locale).auditAction;
  for (const key of action.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as { label?: unknown; sentence?: unknown } | undefined;
}

describe("the catalog of audit actions", () => {
  const written = actionsWrittenByTheCode();
  const permissions = Object.keys(PERMISSIONS);

  it("the scan of the code finds the actions written each way (so that it cannot pass by finding nothing)", () => {
    for (const action of [
      "user.create",
      "source.activate",
      "source.deactivate",
      "user.deactivate",
      "alert.close",
      "alert.revealPhone",
      "alert.ingest",
      "seed.demo_city",
      "auth.lockout",
      // The dispatch chain: a map of steps, conditional actions, a field → action map, the worker's SQL.
      "instruction.sign_off",
      "instruction.require_reply",
      "instruction.revealAddress",
      "instruction.overdue",
      "instruction.escalate",
    ]) {
      expect(written, action).toContain(action);
    }
  });

  it("has a sentence for every action the code writes and every permission a refusal names", () => {
    const missing = [...new Set([...written, ...permissions])].filter((a) => !AUDIT_ACTIONS.includes(a)).sort();
    expect(missing, "actions without a sentence in auditAction.json").toEqual([]);
  });

  it("holds no action the code never writes", () => {
    const unused = AUDIT_ACTIONS.filter((a) => !written.has(a) && !permissions.includes(a));
    expect(unused).toEqual([]);
  });

  it("has, in every language, the same actions, each with a label and a sentence with the same placeholders", () => {
    for (const locale of LOCALES) {
      expect(actionsIn(catalogMessages(locale).auditAction as Record<string, unknown>).sort(), locale).toEqual([...AUDIT_ACTIONS].sort());
    }
    for (const action of AUDIT_ACTIONS) {
      const [zh, ...others] = LOCALES.map((locale) => entry(locale, action)!);
      expect(typeof zh!.label, action).toBe("string");
      const zhArgs = [...argumentNames(parse(zh!.sentence as string))].sort();
      expect(zhArgs, `${action}: the sentence chooses its words by outcome`).toContain("outcome");
      for (const other of others) {
        expect(typeof other.label, action).toBe("string");
        expect([...argumentNames(parse(other.sentence as string))].sort(), action).toEqual(zhArgs);
      }
    }
  });

  it("uses only placeholders the formatter fills, and formats for every outcome in every language", () => {
    for (const locale of LOCALES) {
      const t = catalogTranslator(locale);
      const empty = { action: "alert.claim", outcome: "SUCCESS" as const, actorName: null, entityType: null, entityId: null, details: null, names: {} };
      const filled = Object.keys(sentenceValues(empty, t, locale));
      for (const action of AUDIT_ACTIONS) {
        const args = argumentNames(parse(entry(locale, action)!.sentence as string));
        expect([...args].filter((a) => !filled.includes(a)), `${locale} ${action}`).toEqual([]);
        for (const outcome of ["SUCCESS", "DENIED", "FAILURE"] as const) {
          const text = t(`auditAction.${action}.sentence`, sentenceValues({ ...empty, action, outcome }, t, locale));
          expect(text, `${locale} ${action} ${outcome}`).not.toMatch(/[{}]|undefined|auditAction\./);
        }
      }
    }
  });

  it("names every area of the catalog in every language (the action filter groups by area)", () => {
    const areas = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))];
    for (const locale of LOCALES) {
      const named = (catalogMessages(locale).audit as { areas: Record<string, unknown> }).areas;
      expect(areas.filter((a) => typeof named[a] !== "string"), locale).toEqual([]);
    }
  });

  it("has words for every reason a refusal or failure records", () => {
    const reasons = new Set<string>();
    for (const { text } of WRITERS.flatMap(sourceFiles)) {
      for (const m of text.matchAll(/\bdetails:\s*\{[^}]*\breason:\s*"(\w+)"/g)) reasons.add(m[1]!);
      // Reasons set on the way to a denial (`refusal = "notHolder"`, recorded as `details: { reason: refusal }`).
      for (const m of text.matchAll(/\brefusal\s*=\s*"(\w+)"/g)) reasons.add(m[1]!);
    }
    // Reasons passed on from a type: the state machine's refusals and the ingestion's key checks.
    for (const [file, type] of [
      ["lib/alerts/alert-state.ts", "TransitionRefusal"],
      ["lib/server/ingest/authenticate-source.ts", "SourceAuthFailure"],
      ["lib/instructions/instruction-state.ts", "InstructionRefusal"],
      ["lib/instructions/supervision-notice-state.ts", "NoticeRefusal"],
      ["lib/instructions/dispatch-rule.ts", "DispatchRefusal"],
    ] as const) {
      const union = readFileSync(path.join(root, file), "utf8").match(new RegExp(`export type ${type} = ([^;]+);`));
      expect(union, `${type} in ${file}`).not.toBeNull();
      for (const m of union![1]!.matchAll(/"(\w+)"/g)) reasons.add(m[1]!);
    }
    expect(reasons).toContain("role");
    expect(reasons).toContain("notHolder");
    expect(reasons).toContain("bad_current_password");
    for (const reason of ["notYourStep", "instructionClosed", "alertNotOpen", "noReplyRequired"]) expect(reasons).toContain(reason);
    for (const locale of LOCALES) {
      const t = catalogTranslator(locale);
      expect([...reasons].filter((r) => !t.has(`audit.reasons.${r}`)), locale).toEqual([]);
    }
  });
});
