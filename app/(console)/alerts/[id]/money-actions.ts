"use server";

import { defineAction } from "@/lib/actions/define-action";
import { FileProtectiveStopSchema, FileStopSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { fileProtectiveStop } from "@/lib/server/bank-requests/file-protective-stop";

// The money forms of the alert page (紧急止付, 保护性止付), the alert id bound on the server side.
// Kept apart from the triage actions: they change the case and the banks' desks, not the alert.
const bound = ["alertId"] as const;

export const fileStopFromAlertAction = defineAction({
  schema: FileStopSchema,
  bound,
  run: (actor, input) => fileStop(actor, input),
  success: ({ caseId }) => ({ message: "cases.stop.done", data: { caseId } }),
  revalidate: { paths: (_, b) => [`/alerts/${b.alertId}`, "/cases"] },
});

export const fileProtectiveStopAction = defineAction({
  schema: FileProtectiveStopSchema,
  bound,
  run: (actor, input) => fileProtectiveStop(actor, input),
  success: () => ({ message: "cases.protective.done" }),
  revalidate: { paths: (_, b) => [`/alerts/${b.alertId}`] },
});
