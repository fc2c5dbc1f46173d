-- Groundwork, part 1: the enum values the rest of the groundwork uses. Separate from part 2
-- because PostgreSQL cannot use a value added by ALTER TYPE … ADD VALUE in the same transaction.

-- The unit above the cities (the installation: a province, or whoever runs the deployment).
ALTER TYPE "UnitKind" ADD VALUE 'INSTALLATION' BEFORE 'CITY';

-- Three separate administrators (三权分立) and the wall screen's device account. ADMIN was the
-- system administrator all along: renamed, so existing accounts and audit rows keep their meaning.
ALTER TYPE "Role" RENAME VALUE 'ADMIN' TO 'SYSTEM_ADMIN';
ALTER TYPE "Role" ADD VALUE 'SECURITY_ADMIN';
ALTER TYPE "Role" ADD VALUE 'AUDIT_ADMIN';
ALTER TYPE "Role" ADD VALUE 'DISPLAY';

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('FIRST_CONTACT', 'INSTRUCTION_SIGN_OFF', 'INSTRUCTION_FEEDBACK', 'BANK_STOP', 'BANK_PROTECTIVE_STOP', 'BANK_FREEZE', 'BANK_RENEW', 'BANK_UNFREEZE', 'BANK_RETURN');

-- CreateEnum
CREATE TYPE "DeadlineUnit" AS ENUM ('MINUTES', 'WORKING_DAYS');
