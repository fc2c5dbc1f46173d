"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/get-actor";
import { ChangePasswordSchema } from "@/lib/schemas/auth";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { errorState, parseForm, type ActionState } from "@/lib/actions/action-state";

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor({ allowPasswordChange: true });
  const parsed = await parseForm(ChangePasswordSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed.state;
  try {
    await changeOwnPassword(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  redirect("/");
}
