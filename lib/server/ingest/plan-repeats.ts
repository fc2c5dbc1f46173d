// Which new alert joins which open one (the 72-hour repeat rule), and how far a joined alert's
// risk rises. Pure: the database work around it lives in write-alerts.ts.
import type { RiskLevel } from "@/prisma/generated/client/enums";
import { RISK_RANK } from "@/lib/alerts/sla";

/** A repeat within this window of an open alert joins it instead of becoming a second queue item. */
export const REPEAT_WINDOW_MS = 72 * 3600_000;

export interface OpenAlert {
  id: string;
  personId: string;
  /** Epoch ms. */
  detectedAt: number;
  riskLevel: RiskLevel;
}

export interface NewAlert {
  /** The id it will be inserted with. */
  id: string;
  /** Its position in the request (the tie-break between alerts detected at the same moment). */
  index: number;
  personId: string;
  detectedAt: number;
  riskLevel: RiskLevel;
}

/**
 * Per person, in detection order: a new alert joins the latest open alert of its person detected
 * at most 72 hours before it (or after it), else it opens one that the following alerts of the
 * batch may join. Returns the join target of each new alert, by its id (absent: it opens).
 */
export function planJoins(newAlerts: readonly NewAlert[], open: readonly OpenAlert[]): Map<string, OpenAlert> {
  const openByPerson = new Map<string, OpenAlert[]>();
  for (const o of open) openByPerson.set(o.personId, [...(openByPerson.get(o.personId) ?? []), o]);
  const joins = new Map<string, OpenAlert>();
  const ordered = [...newAlerts].sort((a, b) => a.detectedAt - b.detectedAt || a.index - b.index);
  for (const a of ordered) {
    const target = (openByPerson.get(a.personId) ?? [])
      .filter((o) => o.detectedAt >= a.detectedAt - REPEAT_WINDOW_MS)
      .sort((x, y) => y.detectedAt - x.detectedAt)[0];
    if (target) joins.set(a.id, target);
    else openByPerson.set(a.personId, [...(openByPerson.get(a.personId) ?? []), { id: a.id, personId: a.personId, detectedAt: a.detectedAt, riskLevel: a.riskLevel }]);
  }
  return joins;
}

export interface Raise {
  open: OpenAlert;
  to: RiskLevel;
  /** The repeat that raised it (the first one that brought the highest risk). */
  byAlertId: string;
}

/** An open alert takes the highest risk of the repeats that joined it, never a lower one. */
export function planRaises(joined: readonly { alertId: string; riskLevel: RiskLevel; target: OpenAlert }[]): Map<string, Raise> {
  const raises = new Map<string, Raise>();
  for (const j of joined) {
    const current = raises.get(j.target.id)?.to ?? j.target.riskLevel;
    if (RISK_RANK[j.riskLevel] < RISK_RANK[current]) raises.set(j.target.id, { open: j.target, to: j.riskLevel, byAlertId: j.alertId });
  }
  return raises;
}
