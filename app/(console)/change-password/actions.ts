"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ChangePasswordSchema } from "@/lib/schemas/auth";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";

export const changePasswordAction = defineAction({
  schema: ChangePasswordSchema,
  allowPasswordChange: true,
  run: (actor, input) => changeOwnPassword(actor, input),
  success: () => ({ redirectTo: "/" }),
});
