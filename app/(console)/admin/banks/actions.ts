"use server";

import { defineAction } from "@/lib/actions/define-action";
import { CreateBankSchema, SetBankActiveSchema, UpdateBankSchema } from "@/lib/schemas/banks";
import { createBank, setBankActive, updateBank } from "@/lib/server/config/banks";

const paths = (input: object | null) => ["/admin/banks", ...(input && "bankId" in input ? [`/admin/banks/${String(input.bankId)}`] : [])];

export const createBankAction = defineAction({
  schema: CreateBankSchema,
  run: (actor, input) => createBank(actor, input),
  success: (_, input) => ({ message: "moneyAdmin.banks.created", values: { name: input.name } }),
  revalidate: { paths },
});

// No revalidation on a conflict: the form keeps the admin's values and the old stamp, so a second
// click cannot silently overwrite the other change; reloading shows the latest.
export const updateBankAction = defineAction({
  schema: UpdateBankSchema,
  run: (actor, input) => updateBank(actor, input),
  success: ({ changed }) => ({ message: changed ? "moneyAdmin.banks.saved" : "moneyAdmin.banks.unchanged" }),
  revalidate: { paths },
});

export const setBankActiveAction = defineAction({
  schema: SetBankActiveSchema,
  run: (actor, input) => setBankActive(actor, input),
  success: (_, input) => ({ message: input.active ? "moneyAdmin.banks.activated" : "moneyAdmin.banks.deactivated" }),
  revalidate: { paths, always: true },
});
