import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/authorize";
import type { SourceRow } from "@/lib/server/sources/source-dto";

/**
 * Every alert source with its API keys. Sources are shared by the whole installation (they are
 * upstream systems, not city units), kept by the installation's administrators.
 */
export async function listSources(actor: Actor): Promise<SourceRow[]> {
  await assertCan(actor, "source.list");
  const sources = await db.alertSource.findMany({
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      active: true,
      apiKeys: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          prefix: true,
          createdAt: true,
          lastUsedAt: true,
          revokedAt: true,
          createdBy: { select: { displayName: true } },
        },
      },
    },
  });
  return sources.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    active: s.active,
    keys: s.apiKeys.map((k) => ({
      id: k.id,
      prefix: k.prefix,
      createdAt: k.createdAt.toISOString(),
      createdByName: k.createdBy?.displayName ?? null,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    })),
  }));
}
