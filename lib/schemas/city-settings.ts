// Input rules of a city's money settings. The threshold is typed in yuan and kept in fen
// (lib/money.ts): never through floating point.
import { z } from "zod";
import { parseYuanToFen } from "@/lib/money";

/** ¥500,000: a stop above it is told to the supervisors at once (the database's default too). */
export const DEFAULT_LARGE_STOP_THRESHOLD_FEN = 50_000_000n;
/** Up to ¥1亿: a threshold beyond any single stop would silence the notice altogether. */
export const LARGE_STOP_THRESHOLD_MAX_FEN = 10_000_000_000n;

export const UpdateCitySettingsSchema = z.object({
  /** The version the admin loaded; 0 while the city has no row of its own (the default applies). */
  version: z.coerce.number().int().min(0),
  largeStopThreshold: z
    .string({ error: "validation.required" })
    .transform((s, ctx) => {
      const fen = parseYuanToFen(s);
      if (fen === null || fen <= 0n || fen > LARGE_STOP_THRESHOLD_MAX_FEN) {
        ctx.addIssue({ code: "custom", message: "moneyAdmin.validation.threshold" });
        return z.NEVER;
      }
      return fen;
    }),
});
export type UpdateCitySettingsInput = z.output<typeof UpdateCitySettingsSchema>;
