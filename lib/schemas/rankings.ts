import { z } from "zod";
import { RANKING_INDICATORS } from "@/lib/instructions/indicators";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A calendar month, YYYY-MM (in Asia/Shanghai: lib/time.ts shanghaiMonthRange). */
export const MonthSchema = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/);

/** What the rankings page reads from its URL: the month (default: the current one) and the column it is sorted by. */
export const RankingsQuerySchema = z.object({
  month: z.preprocess(blankToUndefined, MonthSchema.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(RANKING_INDICATORS).optional()),
});
export type RankingsQuery = z.infer<typeof RankingsQuerySchema>;
