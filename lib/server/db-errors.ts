import "server-only";
import { Prisma } from "@/prisma/generated/client/client";

function hasPrismaCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/** A unique constraint refused the write (P2002): the code, name or row is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return hasPrismaCode(error, "P2002");
}

/** A foreign key refused the write (P2003): e.g. deleting a row that others still refer to. */
export function isForeignKeyViolation(error: unknown): boolean {
  return hasPrismaCode(error, "P2003");
}

// Prisma's codes for "cannot reach / timed out / connection closed / pool exhausted"; the driver
// adapter's kinds for the same; pg's socket errors; and the SQLSTATEs of a server that is
// starting, stopping or full (class 08 is "connection exception").
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;

/**
 * The database cannot be reached or is refusing connections: a condition to wait out (503 and
 * Retry-After), not a bug. Looks through Prisma's wrapping and the driver adapter's causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (typeof e !== "object" || e === null || seen.has(e) || depth > 6) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    const code = typeof o.code === "string" ? o.code : typeof o.originalCode === "string" ? o.originalCode : "";
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (typeof o.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(o.kind)) return true;
    // pg's own words when the server goes away mid-query or the pool cannot connect in time.
    if (e instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) return true;
    const nested = [o.cause, o.meta, o.driverAdapterError, ...(Array.isArray(o.errors) ? o.errors : [])];
    return nested.some((n) => visit(n, depth + 1));
  };
  return visit(error, 0);
}

/** The PostgreSQL SQLSTATE and the Prisma error code inside a (wrapped) database error, if any. */
export function databaseCodes(error: unknown): { pgCode?: string; prismaCode?: string } {
  const out: { pgCode?: string; prismaCode?: string } = {};
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (typeof e !== "object" || e === null || seen.has(e) || depth > 6) return;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const key of ["originalCode", "code"]) {
      const v = o[key];
      if (typeof v !== "string") continue;
      if (/^P\d{4}$/.test(v)) out.prismaCode ??= v;
      else if (/^[0-9A-Z]{5}$/.test(v)) out.pgCode ??= v;
    }
    for (const key of ["cause", "meta", "driverAdapterError"]) visit(o[key], depth + 1);
  };
  visit(error, 0);
  return out;
}

/** The PostgreSQL SQLSTATE inside a (Prisma-wrapped) database error, or null. */
export function pgErrorCode(error: unknown): string | null {
  return databaseCodes(error).pgCode ?? null;
}
