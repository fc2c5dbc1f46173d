import "server-only";
import { db } from "@/lib/db";
import type { AlertEventKind, InstructionKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { checkDispatch, straightToStation } from "@/lib/instructions/dispatch-rule";
import { OPEN_STATUSES } from "@/lib/instructions/instruction-state";
import { assertCan } from "@/lib/auth/authorize";
import { findAlertInScope } from "@/lib/server/alerts/find-alert-in-scope";
import { findPlaybookFor } from "@/lib/server/config/playbooks";

export interface TimelineEntry {
  id: string;
  at: string;
  kind: AlertEventKind;
  userName: string | null;
  text: string | null;
  data: Record<string, unknown> | null;
}

/** What the dispatch form (交) offers on this alert, within the actor's jurisdiction. */
export interface DispatchOptions {
  /** Districts of the city (analysts); empty for a district coordinator, who sends to its stations. */
  districts: { id: string; name: string }[];
  /** Stations to send to: the city's (analysts) or the coordinator's district's. */
  stations: { id: string; name: string; districtId: string; districtName: string }[];
  /** The alert's own station and district, preselected when known (and offered). */
  alertStationId: string | null;
  alertDistrictId: string | null;
  /** High and urgent risk: suggest the station straight away, with the phone call. */
  straightToStation: boolean;
  /** Kinds already open on this alert (one open instruction of a kind per alert). */
  openKinds: InstructionKind[];
}

export interface AlertWorkspace {
  timeline: TimelineEntry[];
  playbook: { title: string; content: string } | null;
  /** Stations to choose from when setting the jurisdiction (analysts only). */
  stations: { id: string; label: string }[];
  canTriage: boolean;
  isHolder: boolean;
  /** The dispatch form's choices, or null when this actor may not dispatch this alert now. */
  dispatch: DispatchOptions | null;
}

/**
 * What the alert page needs around the alert itself: the timeline (events and contact attempts,
 * oldest first), the playbook for its fraud type, and what the actor may do.
 */
export async function getAlertWorkspace(actor: Actor, alertId: string): Promise<AlertWorkspace> {
  await assertCan(actor, "alert.read", { type: "alert", id: alertId });
  const alert = await findAlertInScope(actor, alertId, "alert.read", {
    id: true,
    cityId: true,
    districtId: true,
    stationId: true,
    riskLevel: true,
    fraudType: true,
    assigneeId: true,
    status: true,
  });
  const canTriage = can(actor, "alert.triage");
  const j = jurisdictionOf(actor);
  const ownDistrictId = j.kind === "district" ? j.districtId : null;
  const mayDispatch =
    can(actor, "instruction.dispatch") && (j.kind === "city" || ownDistrictId !== null) && checkDispatch(alert, { userId: actor.userId, cityWide: j.kind === "city" }) === null;
  const [events, attempts, playbook, stations, dispatch] = await Promise.all([
    db.alertEvent.findMany({
      // Attempts are listed from their own table (which also holds those made before the timeline existed).
      where: { alertId: alert.id, kind: { not: "ATTEMPT" } },
      orderBy: { at: "asc" },
      take: 500,
      select: { id: true, at: true, kind: true, text: true, data: true, user: { select: { displayName: true } } },
    }),
    db.contactAttempt.findMany({
      where: { alertId: alert.id },
      orderBy: { attemptedAt: "asc" },
      take: 500,
      select: { id: true, attemptedAt: true, channel: true, result: true, note: true, user: { select: { displayName: true } } },
    }),
    findPlaybookFor(alert.cityId, alert.fraudType),
    canTriage
      ? db.orgUnit.findMany({
          where: { cityId: alert.cityId, kind: "STATION" },
          orderBy: { code: "asc" },
          select: { id: true, name: true, code: true, parent: { select: { name: true } } },
        })
      : Promise.resolve([]),
    mayDispatch ? dispatchOptions(alert, ownDistrictId) : Promise.resolve(null),
  ]);
  const timeline: TimelineEntry[] = [
    ...events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      userName: e.user?.displayName ?? null,
      text: e.text,
      data: (e.data as Record<string, unknown> | null) ?? null,
    })),
    ...attempts.map((a) => ({
      id: a.id,
      at: a.attemptedAt.toISOString(),
      kind: "ATTEMPT" as const,
      userName: a.user?.displayName ?? null,
      text: a.note,
      data: { channel: a.channel, result: a.result },
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    timeline,
    playbook,
    stations: stations.map((s) => ({ id: s.id, label: `${s.parent?.name ?? ""} · ${s.name}` })),
    canTriage,
    isHolder: alert.status === "CLAIMED" && alert.assigneeId === actor.userId,
    dispatch,
  };
}

/**
 * The units the actor may send this alert to — the city's districts and stations for an analyst,
 * a coordinator's own stations — as resolveTarget will accept them.
 */
async function dispatchOptions(
  alert: { id: string; cityId: string; districtId: string | null; stationId: string | null; riskLevel: Parameters<typeof straightToStation>[0] },
  ownDistrictId: string | null,
): Promise<DispatchOptions> {
  const [districts, stations, open] = await Promise.all([
    ownDistrictId
      ? Promise.resolve([])
      : db.orgUnit.findMany({ where: { cityId: alert.cityId, kind: "DISTRICT" }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db.orgUnit.findMany({
      where: { cityId: alert.cityId, kind: "STATION", ...(ownDistrictId ? { districtId: ownDistrictId } : {}) },
      orderBy: { code: "asc" },
      select: { id: true, name: true, districtId: true, parent: { select: { name: true } } },
    }),
    // The kinds only, whoever holds them: dispatching one again is refused as "already dispatched" anyway.
    db.instruction.findMany({ where: { alertId: alert.id, status: { in: [...OPEN_STATUSES] } }, distinct: ["kind"], select: { kind: true } }),
  ]);
  const offered = stations.filter((s): s is typeof s & { districtId: string } => s.districtId !== null);
  return {
    districts,
    stations: offered.map((s) => ({ id: s.id, name: s.name, districtId: s.districtId, districtName: s.parent?.name ?? "" })),
    alertStationId: offered.some((s) => s.id === alert.stationId) ? alert.stationId : null,
    alertDistrictId: ownDistrictId ? null : alert.districtId,
    straightToStation: straightToStation(alert.riskLevel),
    openKinds: open.map((o) => o.kind),
  };
}
