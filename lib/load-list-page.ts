import "server-only";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { orNullIfInvalidCursor } from "@/lib/pagination";

/**
 * For list pages: as loadOrNotFound, but a cursor the list refused (edited by hand, or from an
 * older release) gives `null`, for the page to say its link is not valid, not an error page.
 */
export async function loadListPage<T>(load: () => Promise<T>): Promise<T | null> {
  return loadOrNotFound(() => orNullIfInvalidCursor(load()));
}
