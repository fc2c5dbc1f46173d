import { z } from "zod";
import { AuditOutcome } from "@/prisma/generated/client/enums";
import { CursorParamSchema } from "@/lib/pagination";
import { isAuditAction } from "@/lib/audit/audit-actions";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AuditFilterSchema = z.object({
  actor: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  /** One action of the catalog (lib/audit/audit-actions.ts), chosen by its words. */
  action: z.preprocess(blankToUndefined, z.string().max(64).refine(isAuditAction).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(AuditOutcome).optional()),
  /** Calendar days in Asia/Shanghai, YYYY-MM-DD. */
  from: z.preprocess(blankToUndefined, z.iso.date().optional()),
  to: z.preprocess(blankToUndefined, z.iso.date().optional()),
  cursor: CursorParamSchema,
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;
