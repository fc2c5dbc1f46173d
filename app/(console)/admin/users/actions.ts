"use server";

import { defineAction } from "@/lib/actions/define-action";
import { CreateUserSchema, UserOperationSchema } from "@/lib/schemas/users";
import { createUser, deactivateUser, reactivateUser, resetUserPassword, unlockUser } from "@/lib/server/users/manage-user";

const paths = () => ["/admin/users"];

export const createUserAction = defineAction({
  schema: CreateUserSchema,
  run: (actor, input) => createUser(actor, input),
  success: () => ({ message: "admin.created" }),
  revalidate: { paths },
});

/**
 * One action for the row buttons; the clicked button names the operation, which the schema only
 * accepts from a fixed list. The target's id and version come from the row.
 */
export const userRowAction = defineAction({
  schema: UserOperationSchema,
  run: async (actor, input): Promise<string | null> => {
    const target = { userId: input.userId, version: input.version };
    switch (input.operation) {
      case "resetPassword":
        return resetUserPassword(actor, target);
      case "deactivate":
        await deactivateUser(actor, target);
        return null;
      case "reactivate":
        await reactivateUser(actor, target);
        return null;
      case "unlock":
        await unlockUser(actor, target);
        return null;
    }
  },
  success: (temporary, input) =>
    temporary === null
      ? { message: "admin.done" }
      : { message: "admin.temporaryPassword", values: { user: input.username ?? "", password: temporary }, data: { password: temporary } },
  revalidate: { paths, always: true },
});
