import "server-only";

/**
 * What a log line may say about an unexpected error: its class, database codes and where it was
 * thrown — never its message, which can quote a query's values (a phone, a name, an ID number).
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const codes = findCodes(error);
  return {
    errorClass: error.name,
    ...codes,
    // Stack frames only ("at fn (file:line:col)"): the first line repeats the message.
    stack: error.stack?.split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 8).map((l) => l.trim()),
  };
}

/** The PostgreSQL SQLSTATE and the Prisma error code inside a (wrapped) database error, if any. */
function findCodes(error: Error): { pgCode?: string; prismaCode?: string } {
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
