// Creates NEW alerts for a test, with unique data, through the database directly (ingestion has
// its own tests). Returns their ids.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { FraudType, RiskLevel } from "@/prisma/generated/client/enums";

let counter = 0;

export interface NewAlertOptions {
  riskLevel?: RiskLevel;
  fraudType?: FraudType;
  /** The station (default D01S01); null for an alert not routed yet. */
  stationCode?: string | null;
  minutesAgo?: number;
  /** Personal data beyond the phone, for tests that reveal it. */
  address?: string;
  idNumber?: string;
}

export async function createNewAlerts(count: number, opts: NewAlertOptions = {}): Promise<string[]> {
  const city = await db.orgUnit.findFirstOrThrow({ where: { kind: "CITY", code: "JZ" }, select: { id: true } });
  const station = opts.stationCode === null ? null : await db.orgUnit.findUniqueOrThrow({ where: { code: opts.stationCode ?? "D01S01" }, select: { id: true, districtId: true } });
  const source = await db.alertSource.findUniqueOrThrow({ where: { code: "city-analysis" }, select: { id: true } });
  const run = randomUUID().slice(0, 8);
  const phone = `199${String(Date.now() % 1e8).padStart(8, "0")}`.slice(0, 11);
  const person = await db.person.upsert({
    where: { cityId_phone: { cityId: city.id, phone } },
    create: { cityId: city.id, name: "测试对象", phone, idNumber: opts.idNumber ?? null },
    update: opts.idNumber ? { idNumber: opts.idNumber } : {},
    select: { id: true },
  });
  const detectedAt = new Date(Date.now() - (opts.minutesAgo ?? 1) * 60_000);
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.alert.createMany({
    data: ids.map((id) => ({
      id,
      cityId: city.id,
      districtId: station?.districtId ?? null,
      stationId: station?.id ?? null,
      sourceId: source.id,
      externalId: `T-${run}-${++counter}`,
      payloadHash: "0".repeat(64),
      personId: person.id,
      address: opts.address ?? null,
      riskLevel: opts.riskLevel ?? "HIGH",
      fraudType: opts.fraudType ?? "IMPERSONATE_AUTHORITY",
      detectedAt,
      firstContactDeadline: new Date(detectedAt.getTime() + 15 * 60_000),
    })),
  });
  return ids;
}
