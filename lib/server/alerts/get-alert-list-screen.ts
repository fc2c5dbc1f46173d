import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AlertListFilter } from "@/lib/schemas/alerts";
import { orNullIfInvalidCursor } from "@/lib/pagination";
import { listAlerts, type AlertListPage } from "./list-alerts";
import { alertFilterOptions, type AlertFilterOptions } from "./list-alert-filter-options";

/**
 * Everything the alert list shows, in one call so that a refused look is audited once (by
 * listAlerts). `page` is null when the cursor was refused: the page says so and keeps its filters.
 */
export async function getAlertListScreen(actor: Actor, filter: AlertListFilter): Promise<{ page: AlertListPage | null; options: AlertFilterOptions }> {
  const [page, options] = await Promise.all([orNullIfInvalidCursor(listAlerts(actor, filter)), alertFilterOptions(actor)]);
  return { page, options };
}
