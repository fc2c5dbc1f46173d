"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ResetPlaybookSchema, UpdatePlaybookSchema } from "@/lib/schemas/config";
import { resetPlaybook, updatePlaybook } from "@/lib/server/config/playbooks";

const paths = (input: { fraudType: string } | null) => ["/admin/playbooks", ...(input ? [`/admin/playbooks/${input.fraudType}`] : [])];

// No revalidation on a conflict: the form keeps the admin's text and its old version, so a second
// click cannot silently overwrite the other change; reloading shows the latest.
export const updatePlaybookAction = defineAction({
  schema: UpdatePlaybookSchema,
  run: (actor, input) => updatePlaybook(actor, input),
  success: () => ({ message: "adminConfig.playbooks.saved" }),
  revalidate: { paths },
});

export const resetPlaybookAction = defineAction({
  schema: ResetPlaybookSchema,
  run: (actor, input) => resetPlaybook(actor, input),
  success: () => ({ message: "adminConfig.playbooks.reset" }),
  revalidate: { paths, always: true },
});
