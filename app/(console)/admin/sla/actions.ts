"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { SlaRulesSchema } from "@/lib/schemas/config";
import { updateSlaRules } from "@/lib/server/config/sla-rules";
import { parseForm, errorState, type ActionState } from "@/lib/actions/action-state";

export async function updateSlaRulesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(SlaRulesSchema, {
    URGENT: formData.get("URGENT"),
    HIGH: formData.get("HIGH"),
    MEDIUM: formData.get("MEDIUM"),
    LOW: formData.get("LOW"),
  });
  if (!parsed.ok) return parsed.state;
  let changed;
  try {
    ({ changed } = await updateSlaRules(actor, parsed.data));
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/admin/sla");
  const t = await getTranslations("adminConfig.sla");
  return { ok: true, message: changed.length ? t("saved", { count: changed.length }) : t("unchanged") };
}
