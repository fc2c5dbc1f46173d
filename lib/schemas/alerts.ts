import { z } from "zod";
import { AlertStatus, FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import { CursorParamSchema } from "@/lib/pagination";

const optionalEnum = <T extends Record<string, string>>(e: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(e).optional());
const optionalUuid = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional());

/** Filters of the alert list, read from the URL (no personal data ever goes in a URL). */
export const AlertListFilterSchema = z.object({
  risk: optionalEnum(RiskLevel),
  fraudType: optionalEnum(FraudType),
  status: optionalEnum(AlertStatus),
  sourceId: optionalUuid,
  districtId: optionalUuid,
  stationId: optionalUuid,
  /** Only alerts whose station is not known yet (the city's "jurisdiction unknown" queue). */
  unrouted: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  cursor: CursorParamSchema,
});
export type AlertListFilter = z.infer<typeof AlertListFilterSchema>;

export const RevealFieldSchema = z.object({
  alertId: z.uuid(),
  field: z.enum(["phone", "idNumber", "address"]),
  reason: z.string().trim().min(2, { error: "validation.reasonRequired" }).max(200),
});
