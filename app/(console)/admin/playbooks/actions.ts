"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { UpdatePlaybookSchema } from "@/lib/schemas/config";
import { updatePlaybook } from "@/lib/server/config/playbooks";
import { parseForm, errorState, type ActionState } from "@/lib/actions/action-state";

export async function updatePlaybookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(UpdatePlaybookSchema, {
    fraudType: formData.get("fraudType"),
    version: formData.get("version"),
    title: formData.get("title"),
    content: formData.get("content"),
  });
  if (!parsed.ok) return parsed.state;
  try {
    await updatePlaybook(actor, parsed.data);
  } catch (error) {
    // No revalidation on a conflict: the form keeps the admin's text and its old version, so a
    // second click cannot silently overwrite the other change; reloading shows the latest.
    return errorState(error);
  }
  revalidatePath("/admin/playbooks");
  revalidatePath(`/admin/playbooks/${parsed.data.fraudType}`);
  return { ok: true, message: (await getTranslations("adminConfig.playbooks"))("saved") };
}
