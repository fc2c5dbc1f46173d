import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { requireCity } from "@/lib/auth/jurisdiction";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { DEFAULT_LARGE_STOP_THRESHOLD_FEN, LARGE_STOP_THRESHOLD_MAX_FEN, type UpdateCitySettingsInput } from "@/lib/schemas/city-settings";

// A city's money settings, kept by that city's system administrator. A city without a row of its
// own has the defaults; its first save creates the row.

/**
 * The amount above which a stop is told to the city's supervisors at once (a large stop), in fen.
 * A system read for the money workflow; pass the transaction client to read inside one.
 */
export async function getLargeStopThresholdFen(client: Pick<Tx, "citySetting">, cityId: string): Promise<bigint> {
  const row = await client.citySetting.findUnique({ where: { cityId }, select: { largeStopThresholdFen: true } });
  return row?.largeStopThresholdFen ?? DEFAULT_LARGE_STOP_THRESHOLD_FEN;
}

export interface CitySettingsView {
  /** Fen as a decimal string (a bigint does not cross to the page). */
  largeStopThresholdFen: string;
  /** 0 while the city has no row of its own. */
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

export async function getCitySettings(actor: Actor): Promise<CitySettingsView> {
  await assertCan(actor, "citySetting.manage");
  const row = await db.citySetting.findUnique({
    where: { cityId: requireCity(actor) },
    select: { largeStopThresholdFen: true, version: true, updatedAt: true },
  });
  return {
    largeStopThresholdFen: String(row?.largeStopThresholdFen ?? DEFAULT_LARGE_STOP_THRESHOLD_FEN),
    version: row?.version ?? 0,
    isDefault: row === null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Saves the city's settings if nobody changed them since the admin loaded them (`version`);
 * otherwise a conflict, and nothing is written. Saving the same amount writes nothing.
 */
export async function updateCitySettings(actor: Actor, input: UpdateCitySettingsInput): Promise<{ changed: boolean }> {
  await assertCan(actor, "citySetting.manage", { type: "city_setting", id: actor.cityId ?? undefined });
  const cityId = requireCity(actor);
  const to = input.largeStopThreshold;
  // The database refuses these too (city_setting_threshold_check); here they are the user's error.
  if (to <= 0n || to > LARGE_STOP_THRESHOLD_MAX_FEN) throw new ValidationError("moneyAdmin.validation.threshold", "largeStopThreshold");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.citySetting.findUnique({ where: { cityId }, select: { largeStopThresholdFen: true, version: true } });
      if ((before?.version ?? 0) !== input.version) throw new ConflictError();
      const from = before?.largeStopThresholdFen ?? DEFAULT_LARGE_STOP_THRESHOLD_FEN;
      if (from === to) return { changed: false };
      if (before) {
        const updated = await tx.citySetting.updateMany({ where: { cityId, version: input.version }, data: { largeStopThresholdFen: to, version: { increment: 1 } } });
        if (updated.count === 0) throw new ConflictError();
      } else {
        await tx.citySetting.create({ data: { cityId, largeStopThresholdFen: to }, select: { cityId: true } });
      }
      await recordAudit(tx, actor, {
        action: "citySetting.update",
        outcome: "SUCCESS",
        entityType: "city_setting",
        entityId: cityId,
        // Fen as strings: JSON has no bigint.
        details: { setting: "largeStopThreshold", from: { fen: String(from) }, to: { fen: String(to) }, version: input.version + 1 },
      });
      return { changed: true };
    });
  } catch (error) {
    // Two admins saving the city's first row at once: the second is the stale one.
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}
