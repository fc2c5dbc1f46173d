import type { SourceKind } from "@/prisma/generated/client/enums";

export interface ApiKeyRow {
  id: string;
  /** The first characters of the key, to tell keys apart; the key itself is never stored. */
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SourceRow {
  id: string;
  code: string;
  name: string;
  kind: SourceKind;
  active: boolean;
  /** Newest first. */
  keys: ApiKeyRow[];
}
