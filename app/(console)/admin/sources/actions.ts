"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { CreateApiKeySchema, CreateSourceSchema, RevokeApiKeySchema, SetSourceActiveSchema } from "@/lib/schemas/config";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";
import { parseForm, errorState, type ActionState } from "@/lib/actions/action-state";

const PATH = "/admin/sources";

export async function createSourceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(CreateSourceSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed.state;
  try {
    await createSource(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.sources"))("created", { code: parsed.data.code }) };
}

export async function setSourceActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(SetSourceActiveSchema, { sourceId: formData.get("sourceId"), active: formData.get("active") });
  if (!parsed.ok) return parsed.state;
  try {
    await setSourceActive(actor, parsed.data);
  } catch (error) {
    revalidatePath(PATH);
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.sources"))(parsed.data.active ? "activated" : "deactivated") };
}

/** The new key goes back to the admin's browser in this one response, and nowhere else. */
export async function createApiKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(CreateApiKeySchema, { sourceId: formData.get("sourceId") });
  if (!parsed.ok) return parsed.state;
  let created;
  try {
    created = await createApiKey(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath(PATH);
  const t = await getTranslations("adminConfig.sources");
  return {
    ok: true,
    message: t("keyCreated", { source: created.sourceCode, prefix: created.prefix }),
    data: { key: created.key, prefix: created.prefix },
  };
}

export async function revokeApiKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(RevokeApiKeySchema, { keyId: formData.get("keyId") });
  if (!parsed.ok) return parsed.state;
  try {
    await revokeApiKey(actor, parsed.data);
  } catch (error) {
    revalidatePath(PATH);
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.sources"))("keyRevoked") };
}
