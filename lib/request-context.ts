import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

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

export function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim().slice(0, 64);
  return h.get("x-real-ip")?.slice(0, 64) ?? null;
}
