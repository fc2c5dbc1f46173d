import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { DeclineReason, FraudType, InstructionKind, InstructionStatus, RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { instructionScope, type Action } from "@/lib/auth/permissions";
import { decodeAlertListCursor, encodeAlertListCursor } from "@/lib/pagination";
import { maskName } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import { currentDeadline, urgencyAt, type Urgency } from "@/lib/instructions/supervision-clock";
import { OPEN_STATUSES } from "@/lib/instructions/instruction-state";
import type { InstructionListFilter } from "@/lib/schemas/instructions";

/**
 * The four lists of instructions, each in the actor's jurisdiction, masked:
 * - inbox: a station's open work, the nearest deadline first (officers);
 * - district: a district's open instructions, escalated and overdue first, with those waiting
 *   at the district and the declines waiting for re-routing (coordinators);
 * - issued: what this analyst sent that is still open, declines and feedback to review first;
 * - city: every instruction of the jurisdiction by status, newest first, paged (keyset).
 */
export type InstructionListView = "inbox" | "district" | "issued" | "city";

export interface InstructionListItem {
  id: string;
  /** For the lists' inline steps (forward, re-route), which are version-checked. */
  version: number;
  kind: InstructionKind;
  status: InstructionStatus;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  alertId: string;
  personName: string;
  districtName: string;
  stationName: string | null;
  issuedByName: string;
  issuedAt: string;
  /** The deadline the holder works against now (sign-off, then feedback), or null once reported. */
  deadline: string | null;
  urgency: Urgency;
  declineReason: DeclineReason | null;
  /** Where a station that declined as "not our jurisdiction" says it belongs. */
  suggestedStationId: string | null;
  visitAttempts: number;
}

export interface InstructionListPage {
  items: InstructionListItem[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;
/** A station's or a district's open work is short; more than this means something else is wrong. */
const OPEN_LIMIT = 300;

const SELECT = {
  id: true,
  version: true,
  kind: true,
  status: true,
  riskLevel: true,
  alertId: true,
  issuedAt: true,
  routedAt: true,
  signOffDeadline: true,
  feedbackDeadline: true,
  escalatedAt: true,
  declineReason: true,
  suggestedStationId: true,
  visitAttempts: true,
  alert: { select: { fraudType: true, person: { select: { nameSealed: true } } } },
  district: { select: { name: true } },
  station: { select: { name: true } },
  issuedBy: { select: { displayName: true } },
} as const satisfies Prisma.InstructionSelect;

type Row = Prisma.InstructionGetPayload<{ select: typeof SELECT }>;

const PERMISSION: Record<InstructionListView, Action> = {
  inbox: "instruction.work",
  district: "instruction.route",
  issued: "instruction.dispatch",
  city: "instruction.read",
};

const OVERDUE_FIRST: Prisma.InstructionOrderByWithRelationInput[] = [
  { escalatedAt: { sort: "asc", nulls: "last" } },
  { feedbackOverdueAt: { sort: "asc", nulls: "last" } },
  { signOffOverdueAt: { sort: "asc", nulls: "last" } },
  { feedbackDeadline: "asc" },
  { id: "asc" },
];

export async function listInstructions(actor: Actor, view: InstructionListView, filter: InstructionListFilter = { status: undefined, cursor: undefined }): Promise<InstructionListPage> {
  await assertCan(actor, PERMISSION[view]);
  const scope = instructionScope(actor);
  const now = new Date();
  let rows: Row[];
  let nextCursor: string | null = null;
  switch (view) {
    case "inbox": {
      // Waiting for sign-off first (the shortest clock), then the work in hand by feedback deadline.
      const [waiting, working] = await Promise.all([
        db.instruction.findMany({ where: { AND: [scope, { status: "AT_STATION" }] }, orderBy: [{ signOffDeadline: "asc" }, { id: "asc" }], take: OPEN_LIMIT, select: SELECT }),
        db.instruction.findMany({ where: { AND: [scope, { status: { in: ["SIGNED_OFF", "ON_SITE"] } }] }, orderBy: [{ feedbackDeadline: "asc" }, { id: "asc" }], take: OPEN_LIMIT, select: SELECT }),
      ]);
      rows = [...waiting, ...working];
      break;
    }
    case "district":
      rows = await db.instruction.findMany({
        where: { AND: [scope, { status: { in: ["AT_DISTRICT", "DECLINED", "AT_STATION", "SIGNED_OFF", "ON_SITE"] } }] },
        orderBy: OVERDUE_FIRST,
        take: OPEN_LIMIT,
        select: SELECT,
      });
      break;
    case "issued": {
      const mine = { AND: [scope, { issuedById: actor.userId }] };
      const [toAct, running] = await Promise.all([
        db.instruction.findMany({ where: { AND: [mine, { status: { in: ["DECLINED", "REPORTED"] } }] }, orderBy: [{ status: "asc" }, { routedAt: "asc" }], take: OPEN_LIMIT, select: SELECT }),
        db.instruction.findMany({ where: { AND: [mine, { status: { in: ["AT_DISTRICT", "AT_STATION", "SIGNED_OFF", "ON_SITE"] } }] }, orderBy: OVERDUE_FIRST, take: OPEN_LIMIT, select: SELECT }),
      ]);
      rows = [...toAct, ...running];
      break;
    }
    case "city": {
      const cursor = decodeAlertListCursor(filter.cursor);
      const found = await db.instruction.findMany({
        where: {
          AND: [
            scope,
            filter.status ? { status: filter.status } : { status: { in: [...OPEN_STATUSES] } },
            cursor ? { OR: [{ issuedAt: { lt: cursor.at } }, { issuedAt: cursor.at, id: { lt: cursor.id } }] } : {},
          ],
        },
        orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
        take: PAGE_SIZE + 1,
        select: SELECT,
      });
      rows = found.slice(0, PAGE_SIZE);
      const last = rows.at(-1);
      nextCursor = found.length > PAGE_SIZE && last ? encodeAlertListCursor({ at: last.issuedAt, id: last.id }) : null;
      break;
    }
  }
  return { items: rows.map((r) => toItem(r, now)), nextCursor };
}

function toItem(r: Row, now: Date): InstructionListItem {
  const deadline = currentDeadline(r);
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    status: r.status,
    riskLevel: r.riskLevel,
    fraudType: r.alert.fraudType,
    alertId: r.alertId,
    personName: maskName(vault().open("name", r.alert.person.nameSealed)),
    districtName: r.district.name,
    stationName: r.station?.name ?? null,
    issuedByName: r.issuedBy.displayName,
    issuedAt: r.issuedAt.toISOString(),
    deadline: deadline?.toISOString() ?? null,
    urgency: urgencyAt(r, now),
    declineReason: r.declineReason,
    suggestedStationId: r.suggestedStationId,
    visitAttempts: r.visitAttempts,
  };
}
