import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { DomainError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getRequestContext } from "@/lib/request-context";

/** What every form action returns to `useActionState`. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Extra data a form shows once (e.g. a temporary password). */
  data?: Record<string, string>;
}


type Translator = Awaited<ReturnType<typeof getTranslations>>;

/**
 * Messages that are catalog keys ("validation.required", "adminConfig.sla.order") become the
 * user's language; zod's own messages (already localised) pass through.
 */
function translateKey(t: Translator, message: string): string {
  return /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(message) && t.has(message) ? t(message) : message;
}

/** Parses form input with the shared schema; field errors come back in the user's language. */
export async function parseForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; state: ActionState }> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const t = await getTranslations();
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.code === "invalid_type" && issue.input === undefined ? t("validation.required") : translateKey(t, issue.message));
  }
  return { ok: false, state: { ok: false, message: t("errors.invalidInput"), fieldErrors } };
}

/**
 * Turns a thrown error into the form's state: expected domain errors become messages in the
 * user's language; anything else is logged with a reference id that the user can quote.
 * Redirects (sign-in required) are rethrown for Next to handle.
 */
export async function errorState(error: unknown): Promise<ActionState> {
  unstable_rethrow(error);
  const t = await getTranslations();
  if (error instanceof ValidationError) {
    const message = translateKey(t, error.code);
    return { ok: false, message, fieldErrors: error.field ? { [error.field]: [message] } : undefined };
  }
  if (error instanceof DomainError) {
    // A code is either a key of `errors` ("conflict") or a full catalog key ("adminConfig.x.y").
    return { ok: false, message: translateKey(t, error.code.includes(".") ? error.code : `errors.${error.code}`) };
  }
  const ref = randomUUID().slice(0, 8);
  const { requestId } = await getRequestContext();
  log.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error), ref, requestId }, "action failed");
  return { ok: false, message: t("errors.unexpected", { ref }) };
}
