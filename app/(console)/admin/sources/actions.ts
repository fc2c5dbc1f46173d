"use server";

import { defineAction } from "@/lib/actions/define-action";
import { CreateApiKeySchema, CreateSourceSchema, RevokeApiKeySchema, SetSourceActiveSchema } from "@/lib/schemas/config";
import { createSource, setSourceActive } from "@/lib/server/sources/manage-sources";
import { createApiKey, revokeApiKey } from "@/lib/server/sources/manage-api-keys";

const revalidate = { paths: () => ["/admin/sources"], always: true };

export const createSourceAction = defineAction({
  schema: CreateSourceSchema,
  run: (actor, input) => createSource(actor, input),
  success: (_, input) => ({ message: "adminConfig.sources.created", values: { code: input.code } }),
  revalidate: { paths: () => ["/admin/sources"] },
});

export const setSourceActiveAction = defineAction({
  schema: SetSourceActiveSchema,
  run: (actor, input) => setSourceActive(actor, input),
  success: (_, input) => ({ message: input.active ? "adminConfig.sources.activated" : "adminConfig.sources.deactivated" }),
  revalidate,
});

/** The new key goes back to the admin's browser in this one response, and nowhere else. */
export const createApiKeyAction = defineAction({
  schema: CreateApiKeySchema,
  run: (actor, input) => createApiKey(actor, input),
  success: (created) => ({
    message: "adminConfig.sources.keyCreated",
    values: { source: created.sourceCode, prefix: created.prefix },
    data: { key: created.key, prefix: created.prefix },
  }),
  revalidate: { paths: () => ["/admin/sources"] },
});

export const revokeApiKeyAction = defineAction({
  schema: RevokeApiKeySchema,
  run: (actor, input) => revokeApiKey(actor, input),
  success: () => ({ message: "adminConfig.sources.keyRevoked" }),
  revalidate,
});
