// Creates NEW alerts for a test, with unique data, through the database directly (ingestion has
// its own tests). Returns their ids.
import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { vault } from "@/lib/server/pii/vault";
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
  // A person of their own (a 199 number the demo seed never uses), sealed as the console stores people.
  const pii = vault();
  const phone = `199${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const phoneSealed = pii.seal("phone", phone);
  const phoneIndex = pii.blindIndex("phone", phone);
  const person = await db.person.create({
    data: {
      cityId: city.id,
      nameSealed: pii.seal("name", "测试对象"),
      idNumberSealed: opts.idNumber ? pii.seal("idNumber", opts.idNumber) : null,
      idNumberIndex: opts.idNumber ? pii.blindIndex("idNumber", opts.idNumber) : null,
      phones: { create: { cityId: city.id, phoneSealed, phoneIndex } },
    },
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
      phoneSealed,
      phoneIndex,
      addressSealed: opts.address ? pii.seal("address", opts.address) : null,
      riskLevel: opts.riskLevel ?? "HIGH",
      fraudType: opts.fraudType ?? "IMPERSONATE_AUTHORITY",
      detectedAt,
      firstContactDeadline: new Date(detectedAt.getTime() + 15 * 60_000),
    })),
  });
  return ids;
}
