"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { definePublicAction } from "@/lib/actions/define-action";
import { SignInSchema } from "@/lib/schemas/auth";
import { ValidationError } from "@/lib/errors";

/**
 * One message for every failure: a wrong password, an unknown user and a locked account look
 * alike. On success Auth.js redirects (thrown, and passed on by the action wrapper).
 */
export const signInAction = definePublicAction({
  schema: SignInSchema,
  run: async (_anyone, input) => {
    try {
      await signIn("credentials", { ...input, redirectTo: "/" });
    } catch (error) {
      if (error instanceof AuthError) throw new ValidationError("login.failed");
      throw error;
    }
  },
  success: () => ({}),
});
