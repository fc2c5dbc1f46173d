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
