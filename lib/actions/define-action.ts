import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/get-actor";
import { DomainError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";
import { getRequestContext } from "@/lib/request-context";
import type { ActionState } from "@/lib/actions/action-state";

// The one way to write a server action: every action of the console is a few lines over
// `defineAction`. It takes the raw arguments React sends (bound ids first, then the previous
// state and the form), refuses anything that is not a form post of that shape, gets the actor,
// parses the form with the shared zod schema, calls ONE domain function, revalidates, and answers
// with a message in the user's language. Expected failures (lib/errors) become messages and
// field errors; anything else is logged with a reference id (never its message, which may quote
// personal data) and shown as a generic error quoting that id. Cross-origin posts are refused
// with 403 before any action runs (proxy.ts).

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** What a successful action answers: a catalog key (with values) and anything the form shows. */
export type Success<Extra> = { message?: string; values?: Record<string, string | number>; data?: Record<string, string>; redirectTo?: string } & Extra;

export interface ActionDefinition<S extends z.ZodType, R, Extra, A = Actor> {
  schema: S;
  /** The names of the arguments bound on the server side of the form (`.bind(null, id)`), merged into the input. */
  bound?: readonly string[];
  /** The change-password form is the one a user who must change their password may use. */
  allowPasswordChange?: boolean;
  run: (actor: A, input: z.output<S>) => Promise<R>;
  success: (result: R, input: z.output<S>) => Success<Extra>;
  /**
   * Pages to re-render after the action. By default after success only; `always` also after a
   * refusal, so that a conflict ("someone else changed it") shows its message and the fresh state.
   */
  revalidate?: { paths: (input: z.output<S> | null, bound: Record<string, string>) => string[]; always?: boolean };
}

/**
 * A catalog key ("validation.required", "adminConfig.sla.order") becomes the user's language;
 * zod's own messages (already localised) pass through.
 */
function translateKey(t: Translator, message: string, values?: Record<string, string | number>): string {
  return /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(message) && t.has(message) ? t(message, values) : message;
}

/**
 * A custom issue may carry values for its message (`params`); one about a line of a text area
 * (`params.line`) says which line ("第 3 行：…"), so that a pasted list is fixed line by line.
 */
function issueMessage(t: Translator, issue: z.ZodError["issues"][number]): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return t("validation.required");
  const { line, ...values } = (issue.code === "custom" ? issue.params : undefined) ?? {};
  const message = translateKey(t, issue.message, values);
  return typeof line === "number" ? t("validation.atLine", { line, message }) : message;
}

function fieldErrorsOf(t: Translator, error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issueMessage(t, issue));
  }
  return fieldErrors;
}

async function failureState(error: unknown): Promise<ActionState> {
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
  log.error({ err: errorSummary(error), ref, requestId }, "action failed");
  return { ok: false, message: t("errors.unexpected", { ref }) };
}

/**
 * The form's fields as the schema's input. Only plain text values: a file is nobody's field here.
 * A name sent more than once (a group of checkboxes) becomes the list of its values, in order.
 */
function formInput(formData: FormData): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of formData) {
    // React's own hidden fields ($ACTION_…) are not the user's input.
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const seen = input[key];
    input[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return input;
}

/** An action of a signed-in user (no session: off to sign-in). */
export function defineAction<S extends z.ZodType, R, Extra extends object = object>(
  def: ActionDefinition<S, R, Extra>,
): (...args: unknown[]) => Promise<ActionState & Partial<Extra>> {
  return buildAction(def, () => requireActor({ allowPasswordChange: def.allowPasswordChange }));
}

/** An action anyone may call: the sign-in form. */
export function definePublicAction<S extends z.ZodType, R, Extra extends object = object>(
  def: ActionDefinition<S, R, Extra, null>,
): (...args: unknown[]) => Promise<ActionState & Partial<Extra>> {
  return buildAction(def, async () => null);
}

function buildAction<S extends z.ZodType, R, Extra extends object, A>(
  def: ActionDefinition<S, R, Extra, A>,
  getActor: () => Promise<A>,
): (...args: unknown[]) => Promise<ActionState & Partial<Extra>> {
  const boundNames = def.bound ?? [];
  return async (...args: unknown[]): Promise<ActionState & Partial<Extra>> => {
    // A crafted post (a JSON body, missing form, extra arguments) is answered, never a 500.
    const formData = args.at(-1);
    const bound = args.slice(0, boundNames.length);
    const shapeOk =
      formData instanceof FormData &&
      args.length >= boundNames.length + 1 &&
      args.length <= boundNames.length + 2 &&
      bound.every((v) => typeof v === "string" && v.length <= 200);
    if (!shapeOk) {
      const t = await getTranslations();
      return { ok: false, message: t("errors.malformedRequest"), at: Date.now() } as ActionState & Partial<Extra>;
    }
    const boundValues: Record<string, string> = Object.fromEntries(boundNames.map((name, i) => [name, bound[i] as string]));
    const actor = await getActor();

    let input: z.output<S> | null = null;
    let state: ActionState & Partial<Extra>;
    let redirectTo: string | undefined;
    try {
      const parsed = def.schema.safeParse({ ...formInput(formData), ...boundValues });
      if (!parsed.success) {
        const t = await getTranslations();
        return { ok: false, message: t("errors.invalidInput"), fieldErrors: fieldErrorsOf(t, parsed.error), at: Date.now() } as ActionState & Partial<Extra>;
      }
      input = parsed.data;
      const result = await def.run(actor, parsed.data);
      const { message, values, redirectTo: to, ...rest } = def.success(result, parsed.data);
      redirectTo = to;
      const t = await getTranslations();
      state = { ...(rest as Partial<Extra>), ok: true, message: message ? t(message, values) : undefined, at: Date.now() };
    } catch (error) {
      state = { ...(await failureState(error)), at: Date.now() } as ActionState & Partial<Extra>;
      if (def.revalidate?.always) for (const path of def.revalidate.paths(input, boundValues)) revalidatePath(path);
      return state;
    }
    for (const path of def.revalidate?.paths(input, boundValues) ?? []) revalidatePath(path);
    // Outside the try: a redirect is thrown, and must reach Next.
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}
