"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";
import { SignInSchema } from "@/lib/schemas/auth";
import type { ActionState } from "@/lib/actions/action-state";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("login");
  const parsed = SignInSchema.safeParse({ username: formData.get("username"), password: formData.get("password") });
  // One message for every failure: a wrong password, an unknown user and a locked account look alike.
  if (!parsed.success) return { ok: false, message: t("failed") };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: t("failed") };
    throw error; // the redirect after a successful sign-in
  }
  return { ok: true };
}
