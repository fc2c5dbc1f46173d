import "server-only";
import { createWithAudit } from "@/lib/server/create-with-audit";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { findInScope } from "@/lib/auth/find-in-scope";
import { requireCity } from "@/lib/auth/jurisdiction";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/prisma/generated/client/client";
import { isForeignKeyViolation } from "@/lib/server/db-errors";
import type { ChangeCommunityStationInput, CommunityFilter, CreateCommunityInput } from "@/lib/schemas/config";

export const COMMUNITY_PAGE_SIZE = 50;

export interface CommunityRow {
  id: string;
  street: string;
  name: string;
  stationId: string;
  stationName: string;
  districtName: string | null;
}

export interface CommunityPage {
  rows: CommunityRow[];
  total: number;
  page: number;
  pageCount: number;
}

export interface StationChoice {
  id: string;
  code: string;
  name: string;
  districtName: string | null;
}

/** An admin maintains the routing table of their own city only. */
function inCity(actor: Actor): Prisma.CommunityWhereInput {
  return { cityId: requireCity(actor) };
}

/** The routing table of the admin's city: searchable by street, community or station name. */
export async function listCommunities(
  actor: Actor,
  filter: CommunityFilter,
): Promise<CommunityPage> {
  await assertCan(actor, "community.manage");
  const q = filter.q?.trim();
  const where: Prisma.CommunityWhereInput = {
    AND: [
      inCity(actor),
      filter.stationId ? { stationId: filter.stationId } : {},
      q
        ? {
            OR: [
              { street: { contains: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
              { station: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const total = await db.community.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / COMMUNITY_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await db.community.findMany({
    where,
    orderBy: [{ street: "asc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * COMMUNITY_PAGE_SIZE,
    take: COMMUNITY_PAGE_SIZE,
    select: {
      id: true,
      street: true,
      name: true,
      stationId: true,
      station: { select: { name: true, district: { select: { name: true } } } },
    },
  });
  return {
    rows: rows.map((c) => ({
      id: c.id,
      street: c.street,
      name: c.name,
      stationId: c.stationId,
      stationName: c.station.name,
      districtName: c.station.district?.name ?? null,
    })),
    total,
    page,
    pageCount,
  };
}

/** The stations (派出所) of the admin's city, by district. */
export async function listStationChoices(actor: Actor): Promise<StationChoice[]> {
  await assertCan(actor, "community.manage");
  return stationChoices(actor);
}

/**
 * Everything the routing-table page shows, in one call so that a refused look is audited once
 * (by listCommunities; the station choices follow from it and refuse nobody).
 */
export async function getCommunitiesScreen(
  actor: Actor,
  filter: CommunityFilter,
): Promise<{ list: CommunityPage; stations: StationChoice[] }> {
  const [list, stations] = await Promise.all([listCommunities(actor, filter), stationChoices(actor)]);
  return { list, stations };
}

/** The stations of the city for a role that keeps its routing table; none for anyone else. */
async function stationChoices(actor: Actor): Promise<StationChoice[]> {
  if (!can(actor, "community.manage")) return [];
  const stations = await db.orgUnit.findMany({
    where: { cityId: requireCity(actor), kind: "STATION" },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, district: { select: { name: true } } },
  });
  return stations.map((s) => ({ id: s.id, code: s.code, name: s.name, districtName: s.district?.name ?? null }));
}

/** A station of the actor's city, or a field error: a unit id from the client is never trusted. */
async function requireStation(client: Pick<Tx, "orgUnit">, actor: Actor, stationId: string): Promise<{ id: string; code: string }> {
  const station = await client.orgUnit.findFirst({
    where: { id: stationId, cityId: requireCity(actor), kind: "STATION" },
    select: { id: true, code: true },
  });
  if (!station) throw new ValidationError("validation.unknownStation", "stationId");
  return station;
}

/** Loads a community of the actor's city; one of another city is "not found" (and audited). */
async function requireCommunity(actor: Actor, communityId: string) {
  return findInScope(actor, "community.manage", { type: "community", id: communityId }, {
    find: () => db.community.findFirst({ where: { AND: [{ id: communityId }, inCity(actor)] }, select: { id: true, street: true, name: true, stationId: true } }),
    exists: async () => (await db.community.count({ where: { id: communityId } })) > 0,
  });
}

export async function createCommunity(actor: Actor, input: CreateCommunityInput): Promise<{ id: string }> {
  await assertCan(actor, "community.manage", { type: "community" });
  const created = await createWithAudit<{ id: string; stationId: string; stationCode: string }>(
    actor,
    {
      action: "community.create",
      entityType: "community",
      details: (c) => ({ street: input.street, name: input.name, stationId: c.stationId, stationCode: c.stationCode }),
    },
    { code: "adminConfig.validation.communityTaken", field: "name" },
    async (tx) => {
      const station = await requireStation(tx, actor, input.stationId);
      const community = await tx.community.create({
        data: { cityId: requireCity(actor), stationId: station.id, street: input.street, name: input.name },
        select: { id: true },
      });
      return { id: community.id, stationId: station.id, stationCode: station.code };
    },
  );
  return { id: created.id };
}

/** Routes a community to another station. Alerts already received keep their station. */
export async function changeCommunityStation(actor: Actor, input: ChangeCommunityStationInput): Promise<void> {
  await assertCan(actor, "community.manage", { type: "community", id: input.communityId });
  const community = await requireCommunity(actor, input.communityId);
  await db.$transaction(async (tx) => {
    const station = await requireStation(tx, actor, input.stationId);
    if (community.stationId === station.id) return;
    const moved = await tx.community.updateMany({ where: { id: community.id, cityId: requireCity(actor) }, data: { stationId: station.id } });
    if (moved.count === 0) throw new NotFoundError();
    await recordAudit(tx, actor, {
      action: "community.change_station",
      outcome: "SUCCESS",
      entityType: "community",
      entityId: community.id,
      details: { street: community.street, name: community.name, from: community.stationId, to: station.id, stationCode: station.code },
    });
  });
}

/** Deletes a community, unless some record refers to it (the database refuses, and so do we). */
export async function deleteCommunity(actor: Actor, input: { communityId: string }): Promise<void> {
  await assertCan(actor, "community.manage", { type: "community", id: input.communityId });
  const community = await requireCommunity(actor, input.communityId);
  try {
    await db.$transaction(async (tx) => {
      const deleted = await tx.community.deleteMany({ where: { id: community.id, cityId: requireCity(actor) } });
      if (deleted.count === 0) throw new NotFoundError();
      await recordAudit(tx, actor, {
        action: "community.delete",
        outcome: "SUCCESS",
        entityType: "community",
        entityId: community.id,
        details: { street: community.street, name: community.name, stationId: community.stationId },
      });
    });
  } catch (error) {
    // Foreign keys are ON DELETE RESTRICT: once something refers to a community it stays.
    if (isForeignKeyViolation(error)) throw new ValidationError("adminConfig.errors.communityInUse");
    throw error;
  }
}
