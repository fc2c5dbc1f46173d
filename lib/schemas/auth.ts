import { z } from "zod";

export const SignInSchema = z.object({
  username: z.string().trim().min(1, { error: "validation.required" }).max(64),
  password: z.string().min(1, { error: "validation.required" }).max(200),
});

/** Password rules for new passwords: long enough, and not only one kind of character. */
export const NewPasswordSchema = z
  .string()
  .min(10, { error: "validation.passwordTooShort" })
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), { error: "validation.passwordTooSimple" });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "validation.required" }),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "validation.passwordMismatch", path: ["confirmPassword"] });
