import "server-only";
import { databaseCodes } from "@/lib/server/db-errors";

/**
 * What a log line may say about an unexpected error: its class, database codes and where it was
 * thrown — never its message, which can quote a query's values (a phone, a name, an ID number).
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const codes = databaseCodes(error);
  return {
    errorClass: error.name,
    ...codes,
    // Stack frames only ("at fn (file:line:col)"): the first line repeats the message.
    stack: error.stack?.split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 8).map((l) => l.trim()),
  };
}
