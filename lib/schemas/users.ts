import { z } from "zod";
import { Role } from "@/prisma/generated/client/enums";
import { NewPasswordSchema } from "@/lib/schemas/auth";

export const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: "validation.username" }),
  displayName: z.string().trim().min(2, { error: "validation.displayName" }).max(64),
  role: z.enum(Role, { error: "validation.required" }),
  unitId: z.uuid({ error: "validation.required" }),
  bankId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  password: NewPasswordSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UserVersionSchema = z.object({
  userId: z.uuid(),
  version: z.coerce.number().int().min(1),
});

/** A row button of the users page: which operation, on which account (id and the version shown). */
export const UserOperationSchema = UserVersionSchema.extend({
  operation: z.enum(["resetPassword", "deactivate", "reactivate", "unlock"]),
  /** Only echoed in the message that shows a temporary password. */
  username: z.string().max(64).optional(),
});
