import { rawExternalId, type IngestItemResult, type IngestSummary } from "@/lib/schemas/ingest";
import type { Final } from "./ingest-types";

/** A replay of a known record: the same payload is a duplicate, another one a conflict. */
export function replayOutcome(hash: string, record: { id: string; payloadHash: string }): Final {
  return { outcome: hash === record.payloadHash ? "duplicate" : "conflict", alertId: record.id, recordHash: record.payloadHash };
}

/** One item's answer, as the API documents it. */
export function toResult(index: number, final: Final, raw: unknown): IngestItemResult {
  const externalId = rawExternalId(raw);
  switch (final.outcome) {
    case "created":
      return { index, externalId, status: 201, outcome: "created", alertId: final.alertId, ...(final.joinedAlertId ? { joinedAlertId: final.joinedAlertId } : {}) };
    case "duplicate":
      return { index, externalId, status: 200, outcome: "duplicate", alertId: final.alertId };
    case "conflict":
      return { index, externalId, status: 409, outcome: "conflict", alertId: final.alertId };
    case "invalid":
      return { index, externalId, status: 422, outcome: "invalid", errors: final.errors };
  }
}

export function summarize(results: readonly { outcome: Final["outcome"] }[], joined: number): IngestSummary {
  const summary: IngestSummary = { created: 0, duplicate: 0, conflict: 0, invalid: 0, joined };
  for (const r of results) summary[r.outcome]++;
  return summary;
}
