import "server-only";
import { createHash } from "node:crypto";

/**
 * A short fingerprint of records as an admin saw them, for records without a version column
 * (the calendar's days, the banks): the form sends it back, and a save against records that no
 * longer match it is a conflict. Equal content gives an equal stamp, so a change undone by a
 * second change is no conflict: the admin's form still shows the truth.
 */
export function contentStamp(values: unknown): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 32);
}
