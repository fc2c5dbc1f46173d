import "server-only";
import { db } from "@/lib/db";
import type { CaseStatus } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { caseScope } from "@/lib/auth/permissions";
import { decodeAlertListCursor, encodeAlertListCursor } from "@/lib/pagination";
import { maskName } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";

export interface CaseListItem {
  id: string;
  status: CaseStatus;
  caseNumber: string | null;
  victim: string;
  districtName: string | null;
  stationName: string | null;
  openedAt: string;
  lossFen: string;
  returnedFen: string;
  transfers: number;
  openRequests: number;
}

export interface CaseListPage {
  items: CaseListItem[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

/** The cases of the actor's jurisdiction, newest first, paged by (openedAt, id) like the other lists. */
export async function listCases(actor: Actor, cursorParam?: string): Promise<CaseListPage> {
  await assertCan(actor, "case.read");
  const cursor = decodeAlertListCursor(cursorParam);
  const found = await db.fraudCase.findMany({
    where: { AND: [caseScope(actor), cursor ? { OR: [{ openedAt: { lt: cursor.at } }, { openedAt: cursor.at, id: { lt: cursor.id } }] } : {}] },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      caseNumber: true,
      openedAt: true,
      lossFen: true,
      returnedFen: true,
      person: { select: { nameSealed: true } },
      district: { select: { name: true } },
      station: { select: { name: true } },
      _count: { select: { transfers: true, requests: { where: { status: { in: ["AWAITING_APPROVAL", "SENT", "ACCEPTED"] } } } } },
    },
  });
  const rows = found.slice(0, PAGE_SIZE);
  const last = rows.at(-1);
  const pii = vault();
  return {
    items: rows.map((c) => ({
      id: c.id,
      status: c.status,
      caseNumber: c.caseNumber,
      victim: maskName(pii.open("name", c.person.nameSealed)),
      districtName: c.district?.name ?? null,
      stationName: c.station?.name ?? null,
      openedAt: c.openedAt.toISOString(),
      lossFen: c.lossFen.toString(),
      returnedFen: c.returnedFen.toString(),
      transfers: c._count.transfers,
      openRequests: c._count.requests,
    })),
    nextCursor: found.length > PAGE_SIZE && last ? encodeAlertListCursor({ at: last.openedAt, id: last.id }) : null,
  };
}
