import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/client/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import {
  addCounts,
  DEFRAUDED_OUTCOME,
  DISSUADED_OUTCOME,
  FEEDBACK_STANDING_STATUSES,
  indicatorValue,
  NO_COUNTS,
  OVERDUE_KIND_OF,
  quartileBands,
  RANKING_INDICATORS,
  RECEIPT_EVENT_KINDS,
  type Band,
  type RankingCounts,
  type RankingIndicator,
} from "@/lib/instructions/indicators";
import { ValidationError } from "@/lib/errors";
import { MonthSchema } from "@/lib/schemas/rankings";
import { shanghaiMonthRange } from "@/lib/time";

export interface RankingRow {
  unitId: string;
  code: string;
  name: string;
  /** A station's district (a district's own id). */
  districtId: string;
  counts: RankingCounts;
  values: Record<RankingIndicator, number | null>;
  /** Quartile band among all units of the same level of the city (null: not ranked). */
  bands: Record<RankingIndicator, Band | null>;
}

export interface Rankings {
  month: string;
  /** The whole city, or one district (a coordinator). */
  scope: "city" | "district";
  districts: RankingRow[];
  stations: RankingRow[];
}

interface UnitCountRow {
  unit_id: string;
  receipts: bigint;
  on_time_sign_offs: bigint;
  on_time_feedbacks: bigint;
}

interface FeedbackCountRow {
  station_id: string;
  met: bigint;
  dissuaded: bigint;
  defrauded: bigint;
}

/** `$1::"Enum", $2::"Enum" …`: enum values as parameters, typed so the indexes on the column apply. */
const enumList = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(`"${type}"`)}`));

/**
 * 排名: the month's indicators (lib/instructions/indicators.ts) of the districts and stations the
 * actor may rank — the whole city for its analysts and supervisors, its own district and that
 * district's stations for a coordinator. Bands are quartiles among all the city's districts (and
 * all its stations), so a coordinator sees where its units stand in the city's ranking; the
 * other units' rows are not returned. The month runs in Asia/Shanghai.
 */
export async function getRankings(actor: Actor, input: { month: string }): Promise<Rankings> {
  await assertCan(actor, "ranking.read");
  if (!MonthSchema.safeParse(input.month).success) throw new ValidationError("rankings.invalidMonth", "month");
  const j = jurisdictionOf(actor);
  if (j.kind !== "city" && j.kind !== "district") return { month: input.month, scope: "city", districts: [], stations: [] };
  const cityId = j.cityId;
  const { start, end } = shanghaiMonthRange(input.month);

  const units = await db.orgUnit.findMany({
    where: { cityId, kind: { in: ["DISTRICT", "STATION"] } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, kind: true, districtId: true },
  });

  // Receipts of the month and whether the receiving unit was charged a deadline of that routing.
  const receiptKinds = enumList(RECEIPT_EVENT_KINDS, "InstructionEventKind");
  const late = (kind: string) => Prisma.sql`EXISTS (
      SELECT 1 FROM "instruction_overdue" o
      WHERE o."instruction_id" = r."instruction_id" AND o."kind" = ${kind}::"OverdueKind"
        AND COALESCE(o."station_id", o."district_id") = r."unit_id"
        AND o."deadline" >= r."at" AND (r."next_at" IS NULL OR o."deadline" < r."next_at"))`;
  const receiptRows = await db.$queryRaw<UnitCountRow[]>(Prisma.sql`
    WITH "r" AS (
      SELECT e."instruction_id", e."unit_id", e."at",
        (SELECT min(n."at") FROM "instruction_event" n
          WHERE n."instruction_id" = e."instruction_id" AND n."kind" IN (${receiptKinds}) AND n."at" > e."at") AS "next_at"
      FROM "instruction_event" e
      WHERE e."city_id" = ${cityId}::uuid AND e."kind" IN (${receiptKinds})
        AND e."at" >= ${start} AND e."at" < ${end} AND e."unit_id" IS NOT NULL
    )
    SELECT r."unit_id"::text AS "unit_id", count(*) AS "receipts",
      count(*) FILTER (WHERE NOT ${late(OVERDUE_KIND_OF.onTimeSignOff)}) AS "on_time_sign_offs",
      count(*) FILTER (WHERE NOT ${late(OVERDUE_KIND_OF.onTimeFeedback)}) AS "on_time_feedbacks"
    FROM "r" GROUP BY r."unit_id"`);

  // Feedback given in the month, for the station that gave it. The FEEDBACK events (indexed by
  // city, kind and time) find the candidates; reported_at decides. A day's margin covers an
  // event stamped a moment apart from its feedback.
  const day = 24 * 3600_000;
  const feedbackRows = await db.$queryRaw<FeedbackCountRow[]>(Prisma.sql`
    SELECT i."station_id"::text AS "station_id",
      count(*) FILTER (WHERE i."met_person") AS "met",
      count(*) FILTER (WHERE i."feedback_outcome" = ${DISSUADED_OUTCOME}::"FeedbackOutcome") AS "dissuaded",
      count(*) FILTER (WHERE i."feedback_outcome" = ${DEFRAUDED_OUTCOME}::"FeedbackOutcome") AS "defrauded"
    FROM "instruction" i
    WHERE i."id" IN (
        SELECT f."instruction_id" FROM "instruction_event" f
        WHERE f."city_id" = ${cityId}::uuid AND f."kind" = 'FEEDBACK'
          AND f."at" >= ${new Date(start.getTime() - day)} AND f."at" < ${new Date(end.getTime() + day)})
      AND i."city_id" = ${cityId}::uuid AND i."reported_at" >= ${start} AND i."reported_at" < ${end}
      AND i."status" IN (${enumList(FEEDBACK_STANDING_STATUSES, "InstructionStatus")}) AND i."station_id" IS NOT NULL
    GROUP BY i."station_id"`);

  const own = new Map<string, RankingCounts>();
  const at = (unitId: string) => own.get(unitId) ?? NO_COUNTS;
  for (const r of receiptRows) {
    own.set(r.unit_id, { ...at(r.unit_id), receipts: Number(r.receipts), onTimeSignOffs: Number(r.on_time_sign_offs), onTimeFeedbacks: Number(r.on_time_feedbacks) });
  }
  for (const f of feedbackRows) {
    own.set(f.station_id, { ...at(f.station_id), metFaceToFace: Number(f.met), dissuaded: Number(f.dissuaded), defrauded: Number(f.defrauded) });
  }

  const stations = units.filter((u) => u.kind === "STATION" && u.districtId);
  const districts = units.filter((u) => u.kind === "DISTRICT");
  const stationCounts = stations.map((s) => at(s.id));
  // A district's figures: what it received itself and what its stations did.
  const districtCounts = districts.map((d) => stations.filter((s) => s.districtId === d.id).reduce((sum, s) => addCounts(sum, at(s.id)), at(d.id)));

  const rows = (level: typeof units, counts: RankingCounts[]): RankingRow[] => {
    const values = counts.map((c) => Object.fromEntries(RANKING_INDICATORS.map((k) => [k, indicatorValue(k, c)])) as Record<RankingIndicator, number | null>);
    const bandsBy = Object.fromEntries(RANKING_INDICATORS.map((k) => [k, quartileBands(values.map((v) => v[k]))])) as Record<RankingIndicator, (Band | null)[]>;
    return level.map((u, i) => ({
      unitId: u.id,
      code: u.code,
      name: u.name,
      districtId: u.districtId ?? u.id,
      counts: counts[i]!,
      values: values[i]!,
      bands: Object.fromEntries(RANKING_INDICATORS.map((k) => [k, bandsBy[k][i]!])) as Record<RankingIndicator, Band | null>,
    }));
  };
  const districtRows = rows(districts, districtCounts);
  const stationRows = rows(stations, stationCounts);
  if (j.kind === "district") {
    return {
      month: input.month,
      scope: "district",
      districts: districtRows.filter((r) => r.unitId === j.districtId),
      stations: stationRows.filter((r) => r.districtId === j.districtId),
    };
  }
  return { month: input.month, scope: "city", districts: districtRows, stations: stationRows };
}
