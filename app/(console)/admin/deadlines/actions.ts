"use server";

import { defineAction } from "@/lib/actions/define-action";
import { DeadlineRulesSchema, ResetDeadlineRulesSchema } from "@/lib/schemas/config";
import { resetDeadlineRules, updateDeadlineRules } from "@/lib/server/config/deadline-rules";

const revalidate = { paths: () => ["/admin/deadlines"], always: true };

export const updateDeadlineRulesAction = defineAction({
  schema: DeadlineRulesSchema,
  run: (actor, input) => updateDeadlineRules(actor, input),
  success: ({ changed }) => ({ message: changed.length ? "adminConfig.deadlines.saved" : "adminConfig.deadlines.unchanged", values: { count: changed.length } }),
  revalidate,
});

export const resetDeadlineRulesAction = defineAction({
  schema: ResetDeadlineRulesSchema,
  run: (actor, input) => resetDeadlineRules(actor, input),
  success: ({ removed }) => ({ message: "adminConfig.deadlines.resetDone", values: { count: removed } }),
  revalidate,
});
