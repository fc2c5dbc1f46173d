import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { QueueFilter } from "@/lib/schemas/triage";
import { orNullIfInvalidCursor } from "@/lib/pagination";
import { listTriageQueue, type QueueItem } from "./list-triage-queue";
import { alertFilterOptions, type AlertFilterOptions } from "./list-alert-filter-options";

/**
 * Everything the triage queue shows, in one call so that a refused look is audited once (by
 * listTriageQueue). `page` is null when the cursor was refused: the page says so and keeps its filters.
 */
export async function getTriageQueueScreen(
  actor: Actor,
  filter: QueueFilter,
): Promise<{ page: { items: QueueItem[]; nextCursor: string | null } | null; options: AlertFilterOptions }> {
  const [page, options] = await Promise.all([orNullIfInvalidCursor(listTriageQueue(actor, filter)), alertFilterOptions(actor)]);
  return { page, options };
}
