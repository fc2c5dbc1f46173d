import { z } from "zod";
import { AuditOutcome } from "@/prisma/generated/client/enums";
import { CursorParamSchema } from "@/lib/pagination";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AuditFilterSchema = z.object({
  actor: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  action: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(AuditOutcome).optional()),
  /** Calendar days in Asia/Shanghai, YYYY-MM-DD. */
  from: z.preprocess(blankToUndefined, z.iso.date().optional()),
  to: z.preprocess(blankToUndefined, z.iso.date().optional()),
  cursor: CursorParamSchema,
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;
