import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getCitySettings, getLargeStopThresholdFen, updateCitySettings } from "@/lib/server/config/city-settings";
import { UpdateCitySettingsSchema } from "@/lib/schemas/city-settings";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { expectNothingWritten } from "../../support/refusals";

await openTestDatabase("demo");

describe("a city's money settings", () => {
  it("start at ¥500,000 without a row; the city's admin sets its own in yuan, kept in fen and audited; the other city keeps the default", async () => {
    const admin = await signInAs("admin");
    const other = (await signInAs("lc.admin")).cityId!;
    expect(await getLargeStopThresholdFen(db, admin.cityId!)).toBe(50_000_000n);
    expect(await getCitySettings(admin)).toEqual({ largeStopThresholdFen: "50000000", version: 0, isDefault: true, updatedAt: null });

    // The default unchanged: nothing written, the city keeps inheriting it.
    await expectNothingWritten(() => updateCitySettings(admin, UpdateCitySettingsSchema.parse({ version: "0", largeStopThreshold: "500,000.00" })));

    expect(await updateCitySettings(admin, UpdateCitySettingsSchema.parse({ version: "0", largeStopThreshold: "¥300,000.05" }))).toEqual({ changed: true });
    expect(await getLargeStopThresholdFen(db, admin.cityId!)).toBe(30_000_005n);
    expect(await getLargeStopThresholdFen(db, other)).toBe(50_000_000n);
    expect(await updateCitySettings(admin, UpdateCitySettingsSchema.parse({ version: "1", largeStopThreshold: "1000000" }))).toEqual({ changed: true });
    expect(await getCitySettings(admin)).toMatchObject({ largeStopThresholdFen: "100000000", version: 2, isDefault: false });
    const trail = await db.auditEvent.findMany({ where: { action: "citySetting.update" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.cityId, e.actorId, e.entityType, e.entityId, e.details])).toEqual([
      [admin.cityId, admin.userId, "city_setting", admin.cityId, { setting: "largeStopThreshold", from: { fen: "50000000" }, to: { fen: "30000005" }, version: 1 }],
      [admin.cityId, admin.userId, "city_setting", admin.cityId, { setting: "largeStopThreshold", from: { fen: "30000005" }, to: { fen: "100000000" }, version: 2 }],
    ]);
  });

  it("a stale version is a conflict and writes nothing; of two first saves at once, one wins", async () => {
    const admin = await signInAs("lc.admin");
    const input = (version: number, yuan: string) => UpdateCitySettingsSchema.parse({ version: String(version), largeStopThreshold: yuan });
    const results = await Promise.allSettled([updateCitySettings(admin, input(0, "200000")), updateCitySettings(admin, input(0, "250000"))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await getCitySettings(admin)).version).toBe(1);
    await expectNothingWritten(() => updateCitySettings(admin, input(0, "300000")), { error: ConflictError });
    await expectNothingWritten(() => updateCitySettings(admin, input(7, "300000")), { error: ConflictError });
  });

  it("amounts in yuan with at most two decimals, above 0 and up to ¥1亿: anything else is a field error and writes nothing", async () => {
    for (const bad of ["", "abc", "0", "0.00", "-100", "12.345", "1,00", "100000000.01", "1e6"]) {
      const parsed = UpdateCitySettingsSchema.safeParse({ version: "0", largeStopThreshold: bad });
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message]), bad).toEqual([["largeStopThreshold", "moneyAdmin.validation.threshold"]]);
    }
    expect(UpdateCitySettingsSchema.parse({ version: "0", largeStopThreshold: "100000000" }).largeStopThreshold).toBe(10_000_000_000n);
    // The domain function checks too, whatever the caller sends.
    const admin = await signInAs("admin");
    const version = (await getCitySettings(admin)).version;
    for (const fen of [0n, -1n, 10_000_000_001n]) {
      await expectNothingWritten(() => updateCitySettings(admin, { version, largeStopThreshold: fen }), {
        error: ValidationError,
        code: "moneyAdmin.validation.threshold",
        field: "largeStopThreshold",
      });
    }
  });
});
