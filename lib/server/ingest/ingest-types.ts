import type { FieldError, IngestAlert } from "@/lib/schemas/ingest";
import type { Route } from "./load-batch-context";

/** A schema-valid item on its way to the database. */
export interface Item {
  index: number;
  alert: IngestAlert;
  hash: string;
}

/** An item that passed validation and routing and is new to this source: it will be written. */
export interface Candidate extends Item {
  cityId: string;
  route: Route | null;
}

/** What became of one item of the request. */
export type Final =
  | { outcome: "created"; alertId: string; joinedAlertId?: string }
  /** `recordHash`: the payload hash of the record it was compared with. */
  | { outcome: "duplicate" | "conflict"; alertId: string; recordHash: string }
  | { outcome: "invalid"; errors: FieldError[] };
