// The audit actions the trail can hold, read from the catalog of their sentences
// (lib/i18n/messages/<locale>/auditAction.json, nested by the dots of the action), so that the list
// and the words are one thing: tests/unit/audit-action-catalog.test.ts fails the build when the
// code writes an action the catalog does not have.
import catalog from "@/lib/i18n/messages/zh-CN/auditAction.json";

interface Entry {
  label: string;
  sentence: string;
}

function isEntry(value: unknown): value is Entry {
  return typeof value === "object" && value !== null && "label" in value && "sentence" in value;
}

/** The actions of one language's catalog: the paths of its entries (a label and a sentence). */
export function actionsIn(node: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isEntry(value)) return [path];
    return typeof value === "object" && value !== null ? actionsIn(value as Record<string, unknown>, path) : [];
  });
}

/** Every action of the catalog, in its order (grouped by area: alert.…, auth.…, user.…). */
export const AUDIT_ACTIONS: readonly string[] = actionsIn(catalog);

const KNOWN = new Set(AUDIT_ACTIONS);

export function isAuditAction(value: string): boolean {
  return KNOWN.has(value);
}

/** The area of an action ("alert" of "alert.claim"), which groups the actions in the filter. */
export function auditArea(action: string): string {
  const dot = action.indexOf(".");
  return dot < 0 ? action : action.slice(0, dot);
}
