import "server-only";
import type { Tx } from "@/lib/db";

/** A stop above this notifies the supervisors live; ¥500,000 unless the city's administrator set another. */
export const DEFAULT_LARGE_STOP_THRESHOLD_FEN = 50_000_000n;

/** A system read for the money workflow. */
export async function getLargeStopThresholdFen(tx: Pick<Tx, "citySetting">, cityId: string): Promise<bigint> {
  const row = await tx.citySetting.findUnique({ where: { cityId }, select: { largeStopThresholdFen: true } });
  return row?.largeStopThresholdFen ?? DEFAULT_LARGE_STOP_THRESHOLD_FEN;
}
