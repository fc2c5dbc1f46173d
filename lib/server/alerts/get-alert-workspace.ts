import "server-only";
import { db } from "@/lib/db";
import type { AlertEventKind } from "@/prisma/generated/client/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
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

export interface AlertWorkspace {
  timeline: TimelineEntry[];
  playbook: { title: string; content: string } | null;
  /** Stations to choose from when setting the jurisdiction (analysts only). */
  stations: { id: string; label: string }[];
  canTriage: boolean;
  isHolder: boolean;
}

/**
 * What the alert page needs around the alert itself: the timeline (events and contact attempts,
 * oldest first), the playbook for its fraud type, and what the actor may do.
 */
export async function getAlertWorkspace(actor: Actor, alertId: string): Promise<AlertWorkspace> {
  await assertCan(actor, "alert.read", { type: "alert", id: alertId });
  const alert = await findAlertInScope(actor, alertId, "alert.read", { id: true, cityId: true, fraudType: true, assigneeId: true, status: true });
  const canTriage = can(actor, "alert.triage");
  const [events, attempts, playbook, stations] = await Promise.all([
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
  };
}
