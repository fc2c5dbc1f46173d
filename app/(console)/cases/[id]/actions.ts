"use server";

import { defineAction } from "@/lib/actions/define-action";
import { FileCaseNumberSchema, FileFollowUpRequestSchema, FileStopSchema } from "@/lib/schemas/cases";
import { fileStop } from "@/lib/server/bank-requests/file-stop";
import { fileFollowUpRequest } from "@/lib/server/bank-requests/file-follow-up-request";
import { fileCaseNumber } from "@/lib/server/cases/file-case-number";

// The case page's forms, the case id bound on the server side. Whatever the outcome the page is
// re-rendered, so a conflict shows its message and the fresh figures together.
const bound = ["caseId"] as const;
const revalidate = { paths: (_: unknown, b: Record<string, string>) => [`/cases/${b.caseId}`, "/cases", "/approvals"], always: true };

export const fileStopOnCaseAction = defineAction({
  schema: FileStopSchema,
  bound,
  run: (actor, input) => fileStop(actor, input),
  success: ({ caseId }) => ({ message: "cases.stop.done", data: { caseId } }),
  revalidate,
});

export const fileFollowUpAction = defineAction({
  schema: FileFollowUpRequestSchema,
  bound,
  // The transfer names the case; the bound id only says which page to refresh.
  run: (actor, input) => fileFollowUpRequest(actor, input),
  success: () => ({ message: "cases.followUp.done" }),
  revalidate,
});

export const fileCaseNumberAction = defineAction({
  schema: FileCaseNumberSchema,
  bound,
  run: (actor, input) => fileCaseNumber(actor, input),
  success: () => ({ message: "cases.caseNumber.done" }),
  revalidate,
});
