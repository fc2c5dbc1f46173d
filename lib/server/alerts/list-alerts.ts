import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { alertScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import type { AlertListFilter } from "@/lib/schemas/alerts";
import { decodeAlertListCursor, encodeAlertListCursor } from "@/lib/pagination";
import { maskName, maskPhone } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import type { AlertOutcome, AlertStatus, FraudType, RiskLevel } from "@/prisma/generated/client/enums";

export const ALERT_PAGE_SIZE = 50;

export interface AlertListItem {
  id: string;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  status: AlertStatus;
  outcome: AlertOutcome | null;
  detectedAt: string;
  firstContactDeadline: string;
  personName: string;
  personPhone: string;
  sourceName: string;
  districtName: string | null;
  stationName: string | null;
  assigneeName: string | null;
}

export interface AlertListPage {
  items: AlertListItem[];
  nextCursor: string | null;
}

/** The alerts of the actor's jurisdiction, newest first, masked. A cursor not made here is refused (ValidationError). */
export async function listAlerts(actor: Actor, filter: AlertListFilter): Promise<AlertListPage> {
  await assertCan(actor, "alert.list");
  const cursor = decodeAlertListCursor(filter.cursor);
  const where: Prisma.AlertWhereInput = {
    AND: [
      alertScope(actor),
      filter.risk ? { riskLevel: filter.risk } : {},
      filter.fraudType ? { fraudType: filter.fraudType } : {},
      filter.status ? { status: filter.status } : {},
      filter.sourceId ? { sourceId: filter.sourceId } : {},
      filter.districtId ? { districtId: filter.districtId } : {},
      filter.stationId ? { stationId: filter.stationId } : {},
      filter.unrouted ? { stationId: null } : {},
      cursor
        ? { OR: [{ detectedAt: { lt: cursor.at } }, { detectedAt: cursor.at, id: { lt: cursor.id } }] }
        : {},
    ],
  };
  const rows = await db.alert.findMany({
    where,
    orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
    take: ALERT_PAGE_SIZE + 1,
    select: {
      id: true,
      riskLevel: true,
      fraudType: true,
      status: true,
      outcome: true,
      detectedAt: true,
      firstContactDeadline: true,
      phoneSealed: true,
      person: { select: { nameSealed: true } },
      source: { select: { name: true } },
      district: { select: { name: true } },
      station: { select: { name: true } },
      assignee: { select: { displayName: true } },
    },
  });
  const page = rows.slice(0, ALERT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      riskLevel: r.riskLevel,
      fraudType: r.fraudType,
      status: r.status,
      outcome: r.outcome,
      detectedAt: r.detectedAt.toISOString(),
      firstContactDeadline: r.firstContactDeadline.toISOString(),
      personName: maskName(vault().open("name", r.person.nameSealed)),
      personPhone: maskPhone(vault().open("phone", r.phoneSealed)),
      sourceName: r.source.name,
      districtName: r.district?.name ?? null,
      stationName: r.station?.name ?? null,
      assigneeName: r.assignee?.displayName ?? null,
    })),
    nextCursor: rows.length > ALERT_PAGE_SIZE && last ? encodeAlertListCursor({ at: last.detectedAt, id: last.id }) : null,
  };
}
