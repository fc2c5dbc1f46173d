import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { alertScope } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/authorize";
import { RISK_RANK } from "@/lib/alerts/sla";
import { maskName, maskPhone } from "@/lib/pii/mask";
import { vault } from "@/lib/server/pii/vault";
import { OPEN_STATUSES } from "@/lib/instructions/instruction-state";
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from "@/lib/pagination";
import type { QueueFilter } from "@/lib/schemas/triage";

export const QUEUE_PAGE_SIZE = 50;

export interface QueueItem {
  id: string;
  version: number;
  riskLevel: RiskLevel;
  fraudType: FraudType;
  status: "NEW" | "CLAIMED";
  detectedAt: string;
  firstContactDeadline: string;
  firstContactAt: string | null;
  personName: string;
  personPhone: string;
  sourceName: string;
  districtName: string | null;
  stationName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  repeatCount: number;
  attemptCount: number;
  /** An instruction about it is open down the chain (已派发). */
  dispatched: boolean;
}

const RISKS_BY_URGENCY: RiskLevel[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];

export const QUEUE_ITEM_SELECT = {
  id: true,
  version: true,
  riskLevel: true,
  fraudType: true,
  status: true,
  detectedAt: true,
  firstContactDeadline: true,
  firstContactAt: true,
  phoneSealed: true,
  person: { select: { nameSealed: true } },
  source: { select: { name: true } },
  district: { select: { name: true } },
  station: { select: { name: true } },
  assignee: { select: { id: true, displayName: true } },
} as const;

type Row = Prisma.AlertGetPayload<{ select: typeof QUEUE_ITEM_SELECT }>;

interface Counts {
  repeats: Map<string, number>;
  attempts: Map<string, number>;
  dispatched: Set<string>;
}

/**
 * Repeat signals, attempts and open instructions of the rows on one page, with three indexed look-ups.
 * (Prisma's `_count` relation filter counts over the whole table first: seconds at 1M alerts.)
 */
async function countsFor(ids: string[]): Promise<Counts> {
  if (ids.length === 0) return { repeats: new Map(), attempts: new Map(), dispatched: new Set() };
  const [repeats, attempts, dispatched] = await Promise.all([
    db.alert.groupBy({ by: ["joinedAlertId"], where: { joinedAlertId: { in: ids } }, _count: { _all: true } }),
    db.contactAttempt.groupBy({ by: ["alertId"], where: { alertId: { in: ids } }, _count: { _all: true } }),
    db.instruction.groupBy({ by: ["alertId"], where: { alertId: { in: ids }, status: { in: [...OPEN_STATUSES] } } }),
  ]);
  return {
    repeats: new Map(repeats.map((r) => [r.joinedAlertId!, r._count._all])),
    attempts: new Map(attempts.map((a) => [a.alertId, a._count._all])),
    dispatched: new Set(dispatched.map((d) => d.alertId)),
  };
}

/** Queue rows as the page shows them (masked), with their repeat and attempt counts. */
export async function toQueueItems(rows: Row[]): Promise<QueueItem[]> {
  const counts = await countsFor(rows.map((r) => r.id));
  return rows.map((r) => toItem(r, counts));
}

function toItem(r: Row, counts: Counts): QueueItem {
  return {
    id: r.id,
    version: r.version,
    riskLevel: r.riskLevel,
    fraudType: r.fraudType,
    status: r.status as "NEW" | "CLAIMED",
    detectedAt: r.detectedAt.toISOString(),
    firstContactDeadline: r.firstContactDeadline.toISOString(),
    firstContactAt: r.firstContactAt?.toISOString() ?? null,
    personName: maskName(vault().open("name", r.person.nameSealed)),
    personPhone: maskPhone(vault().open("phone", r.phoneSealed)),
    sourceName: r.source.name,
    districtName: r.district?.name ?? null,
    stationName: r.station?.name ?? null,
    assigneeId: r.assignee?.id ?? null,
    assigneeName: r.assignee?.displayName ?? null,
    repeatCount: counts.repeats.get(r.id) ?? 0,
    attemptCount: counts.attempts.get(r.id) ?? 0,
    dispatched: counts.dispatched.has(r.id),
  };
}

/** Keyset condition for ORDER BY risk (most urgent first), deadline, id. */
function after(c: QueueCursor): Prisma.AlertWhereInput {
  const lessUrgent = RISKS_BY_URGENCY.slice(RISK_RANK[c.risk] + 1);
  return {
    OR: [
      ...(lessUrgent.length ? [{ riskLevel: { in: lessUrgent } }] : []),
      { riskLevel: c.risk, firstContactDeadline: { gt: c.deadline } },
      { riskLevel: c.risk, firstContactDeadline: c.deadline, id: { gt: c.id } },
    ],
  };
}

/**
 * The analysts' queue: open alerts of the city, most urgent first, then the nearest deadline.
 * A cursor not made here is refused (ValidationError) before anything is read.
 */
export async function listTriageQueue(actor: Actor, filter: QueueFilter): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  await assertCan(actor, "alert.triage");
  const cursor = decodeQueueCursor(filter.cursor);
  const rows = await db.alert.findMany({
    where: {
      AND: [
        alertScope(actor),
        filter.status ? { status: filter.status } : { status: { in: ["NEW", "CLAIMED"] } },
        // Says "open" again in the words of the partial index alert_queue_order_idx (no outcome, no
        // joined alert: the CHECKs make it the same rows), so the planner reads the page in queue
        // order from it instead of sorting every open alert of the city.
        { outcome: null, joinedAlertId: null },
        filter.risk ? { riskLevel: filter.risk } : {},
        filter.fraudType ? { fraudType: filter.fraudType } : {},
        filter.sourceId ? { sourceId: filter.sourceId } : {},
        filter.districtId ? { districtId: filter.districtId } : {},
        filter.unrouted ? { stationId: null } : {},
        filter.mine ? { assigneeId: actor.userId } : {},
        cursor ? after(cursor) : {},
      ],
    },
    // Enum order in PostgreSQL is LOW < MEDIUM < HIGH < URGENT, so DESC puts URGENT first.
    orderBy: [{ riskLevel: "desc" }, { firstContactDeadline: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE + 1,
    select: QUEUE_ITEM_SELECT,
  });
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: await toQueueItems(page),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeQueueCursor({ risk: last.riskLevel, deadline: last.firstContactDeadline, id: last.id }) : null,
  };
}
