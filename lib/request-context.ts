import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { clientAddressHeaderIsTrusted } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address.mjs";

// Ties the log lines and the audit rows of one request together. proxy.ts stamps every request
// with x-request-id; route handlers and server actions read it through here. Code that runs
// outside a Next request (API batch work, tests, scripts) can open its own context.
export interface RequestContext {
  requestId: string;
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export async function getRequestContext(): Promise<RequestContext> {
  const stored = storage.getStore();
  if (stored) return stored;
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return {
      requestId: h.get("x-request-id") ?? randomUUID(),
      ip: clientIp(h),
    };
  } catch {
    // Not inside a request (a script or a test without a context).
    return { requestId: randomUUID(), ip: null };
  }
}

/**
 * The client's address as scripts/serve.mjs determined it (docs/decisions/009). Never
 * X-Forwarded-For or X-Real-IP: any client can write those.
 */
export function clientIp(h: Headers): string | null {
  if (!clientAddressHeaderIsTrusted()) return null;
  return h.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || null;
}
