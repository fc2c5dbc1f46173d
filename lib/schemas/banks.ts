// Input rules of the banks and payment institutions (第三方支付) that receive stop, freeze and
// return requests. Shared by the forms, the actions and the domain functions. Messages are
// catalog keys (validation.* / moneyAdmin.validation.*).
import { z } from "zod";
import { BankKind } from "@/prisma/generated/client/enums";
import { tidyText } from "@/lib/schemas/config";


const bankFields = z.object({
  /** The institution's short code ("ICBC", "ALIPAY"), unique in the installation. */
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, { error: "moneyAdmin.validation.bankCode" }),
  name: tidyText(2, 100, "moneyAdmin.validation.bankName"),
  shortName: tidyText(2, 20, "moneyAdmin.validation.bankShortName"),
  kind: z.enum(BankKind, { error: "validation.required" }),
  /** A checkbox: sent as "on" when ticked, absent when not. */
  luhnChecked: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const CreateBankSchema = bankFields;
export type CreateBankInput = z.output<typeof CreateBankSchema>;

/** `stamp` is the bank's details as the admin saw them: a change by someone else since is a conflict. */
export const UpdateBankSchema = bankFields.extend({ bankId: z.uuid(), stamp: z.string().max(64) });
export type UpdateBankInput = z.output<typeof UpdateBankSchema>;

export const SetBankActiveSchema = z.object({
  bankId: z.uuid(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetBankActiveInput = z.output<typeof SetBankActiveSchema>;

export const BankIdParamSchema = z.uuid();
