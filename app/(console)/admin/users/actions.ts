"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { CreateUserSchema, UserVersionSchema } from "@/lib/schemas/users";
import { createUser, deactivateUser, reactivateUser, resetUserPassword, unlockUser } from "@/lib/server/users/manage-user";
import { errorState, parseForm, type ActionState } from "@/lib/actions/action-state";

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(CreateUserSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed.state;
  try {
    await createUser(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: (await getTranslations("admin"))("created") };
}

const OPERATIONS = {
  deactivate: deactivateUser,
  reactivate: reactivateUser,
  unlock: unlockUser,
} as const;

/** One action for the row buttons; the operation is a fixed name, the target id and version come from the row. */
export async function userRowAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(UserVersionSchema, { userId: formData.get("userId"), version: formData.get("version") });
  if (!parsed.ok) return parsed.state;
  const operation = String(formData.get("operation"));
  const t = await getTranslations("admin");
  try {
    if (operation === "resetPassword") {
      const temporary = await resetUserPassword(actor, parsed.data);
      revalidatePath("/admin/users");
      return { ok: true, message: t("temporaryPassword", { user: String(formData.get("username") ?? ""), password: temporary }), data: { password: temporary } };
    }
    if (!(operation in OPERATIONS)) return { ok: false, message: t("done") };
    await OPERATIONS[operation as keyof typeof OPERATIONS](actor, parsed.data);
  } catch (error) {
    revalidatePath("/admin/users");
    return errorState(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: t("done") };
}
