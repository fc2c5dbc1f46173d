-- CreateEnum
CREATE TYPE "BankKind" AS ENUM ('BANK', 'PAYMENT_INSTITUTION');

-- CreateEnum
CREATE TYPE "BankRequestKind" AS ENUM ('STOP', 'FREEZE', 'RENEW', 'UNFREEZE', 'RETURN', 'PROTECTIVE_STOP');

-- CreateEnum
CREATE TYPE "BankRequestStatus" AS ENUM ('AWAITING_APPROVAL', 'SENT', 'ACCEPTED', 'COMPLETED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReturnMode" AS ENUM ('ORIGINAL', 'NAMED', 'PRO_RATA');

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'FILED' AFTER 'OPEN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'BANK_REQUEST_NEW';
ALTER TYPE "NotificationKind" ADD VALUE 'BANK_REQUEST_APPROVAL';
ALTER TYPE "NotificationKind" ADD VALUE 'BANK_REQUEST_ANSWERED';
ALTER TYPE "NotificationKind" ADD VALUE 'BANK_REQUEST_TIMED_OUT';
ALTER TYPE "NotificationKind" ADD VALUE 'STOP_EXPIRING';
ALTER TYPE "NotificationKind" ADD VALUE 'FREEZE_EXPIRING';
ALTER TYPE "NotificationKind" ADD VALUE 'LARGE_STOP';

-- AlterTable
ALTER TABLE "bank" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "kind" "BankKind" NOT NULL DEFAULT 'BANK',
ADD COLUMN     "luhn_checked" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "case_id" UUID;

-- AlterTable
ALTER TABLE "fraud_case" ADD COLUMN     "case_number" VARCHAR(40),
ADD COLUMN     "filed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "returned_fen" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "bank_request_id" UUID;

-- CreateTable
CREATE TABLE "case_transfer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "parent_id" UUID,
    "level" SMALLINT NOT NULL,
    "victim_person_id" UUID,
    "from_account_sealed" TEXT,
    "from_account_last4" VARCHAR(4),
    "bank_id" UUID NOT NULL,
    "account_sealed" TEXT NOT NULL,
    "account_index" CHAR(32) NOT NULL,
    "account_last4" VARCHAR(4) NOT NULL,
    "holder_sealed" TEXT,
    "amount_fen" BIGINT NOT NULL,
    "transferred_at" TIMESTAMPTZ(3) NOT NULL,
    "stopped_fen" BIGINT NOT NULL DEFAULT 0,
    "stop_ends_at" TIMESTAMPTZ(3),
    "frozen_fen" BIGINT NOT NULL DEFAULT 0,
    "freeze_ends_at" TIMESTAMPTZ(3),
    "returned_fen" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "district_id" UUID,
    "station_id" UUID,
    "case_id" UUID,
    "alert_id" UUID,
    "transfer_id" UUID,
    "bank_id" UUID NOT NULL,
    "parent_request_id" UUID,
    "kind" "BankRequestKind" NOT NULL,
    "status" "BankRequestStatus" NOT NULL,
    "via_desk" BOOLEAN NOT NULL,
    "account_sealed" TEXT NOT NULL,
    "account_index" CHAR(32) NOT NULL,
    "account_last4" VARCHAR(4) NOT NULL,
    "holder_sealed" TEXT,
    "amount_fen" BIGINT NOT NULL,
    "term_months" SMALLINT,
    "reply_by" TIMESTAMPTZ(3) NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filed_by_id" UUID NOT NULL,
    "notice_number" VARCHAR(40),
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "return_mode" "ReturnMode",
    "return_to_sealed" TEXT,
    "return_to_last4" VARCHAR(4),
    "shares" JSONB,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,
    "result_fen" BIGINT,
    "effective_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "balance_fen" BIGINT,
    "earlier_freezes" JSONB,
    "answer_note" VARCHAR(500),
    "reply_reminded_at" TIMESTAMPTZ(3),
    "expiry_reminded_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "bank_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_return" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "transfer_id" UUID NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "returned_on" DATE NOT NULL,
    "receipt_number" VARCHAR(60) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_stop" (
    "bank_id" UUID NOT NULL,
    "account_index" CHAR(32) NOT NULL,
    "stops" SMALLINT NOT NULL,

    CONSTRAINT "account_stop_pkey" PRIMARY KEY ("bank_id","account_index")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "day" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" VARCHAR(60) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "city_setting" (
    "city_id" UUID NOT NULL,
    "large_stop_threshold_fen" BIGINT NOT NULL DEFAULT 50000000,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "city_setting_pkey" PRIMARY KEY ("city_id")
);

-- CreateIndex
CREATE INDEX "case_transfer_case_id_level_idx" ON "case_transfer"("case_id", "level");

-- CreateIndex
CREATE INDEX "case_transfer_parent_id_idx" ON "case_transfer"("parent_id");

-- CreateIndex
CREATE INDEX "case_transfer_account_index_idx" ON "case_transfer"("account_index");

-- CreateIndex
CREATE INDEX "bank_request_city_id_bank_id_status_reply_by_idx" ON "bank_request"("city_id", "bank_id", "status", "reply_by");

-- CreateIndex
CREATE INDEX "bank_request_city_id_bank_id_answered_at_idx" ON "bank_request"("city_id", "bank_id", "answered_at" DESC);

-- CreateIndex
CREATE INDEX "bank_request_case_id_idx" ON "bank_request"("case_id");

-- CreateIndex
CREATE INDEX "bank_request_transfer_id_kind_idx" ON "bank_request"("transfer_id", "kind");

-- CreateIndex
CREATE INDEX "bank_request_account_index_kind_idx" ON "bank_request"("account_index", "kind");

-- CreateIndex
CREATE INDEX "bank_request_city_id_filed_at_idx" ON "bank_request"("city_id", "filed_at" DESC);

-- CreateIndex
CREATE INDEX "bank_return_request_id_idx" ON "bank_return"("request_id");

-- CreateIndex
CREATE INDEX "bank_return_case_id_idx" ON "bank_return"("case_id");

-- CreateIndex
CREATE INDEX "alert_case_id_idx" ON "alert"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "fraud_case_city_id_case_number_key" ON "fraud_case"("city_id", "case_number");

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "fraud_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "fraud_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_victim_person_id_fkey" FOREIGN KEY ("victim_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "case_transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "fraud_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_filed_by_id_fkey" FOREIGN KEY ("filed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "case_transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_parent_request_id_fkey" FOREIGN KEY ("parent_request_id") REFERENCES "bank_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_return" ADD CONSTRAINT "bank_return_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "bank_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_return" ADD CONSTRAINT "bank_return_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "case_transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_return" ADD CONSTRAINT "bank_return_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_stop" ADD CONSTRAINT "account_stop_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "city_setting" ADD CONSTRAINT "city_setting_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written (prisma/hand-written-sql.md). The money invariants hold in the database too.

-- Existing cases (opened by alerts closed as 已被骗) gather their alert, and their report time is
-- when they were opened.
UPDATE "alert" a SET "case_id" = fc."id" FROM "fraud_case" fc WHERE fc."alert_id" = a."id";
UPDATE "fraud_case" SET "reported_at" = "opened_at";

ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_returned_fen_check" CHECK ("returned_fen" >= 0);
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_version_check" CHECK ("version" >= 1);
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_filed_check" CHECK (("case_number" IS NULL) = ("filed_at" IS NULL));

ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_level_check" CHECK (
  "level" >= 1 AND ("parent_id" IS NULL) = ("level" = 1));
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_amount_check" CHECK ("amount_fen" > 0);
-- What is held never exceeds what the transfer sent; a freeze takes over a stop on the same money
-- (each is bounded by the amount, they are never added); returned never exceeds what was held.
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_held_check" CHECK (
  "stopped_fen" BETWEEN 0 AND "amount_fen"
  AND "frozen_fen" BETWEEN 0 AND "amount_fen"
  AND "returned_fen" BETWEEN 0 AND GREATEST("stopped_fen", "frozen_fen"));
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_sealed_check" CHECK (
  "account_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$'
  AND ("holder_sealed" IS NULL OR "holder_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$')
  AND ("from_account_sealed" IS NULL OR "from_account_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$')
  AND "account_last4" ~ '^[0-9A-Za-z@._+-]{1,4}$');

ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_amount_check" CHECK (
  "amount_fen" > 0 AND ("result_fen" IS NULL OR "result_fen" >= 0) AND ("balance_fen" IS NULL OR "balance_fen" >= 0));
-- A protective stop is on the warned person's own account (an alert, no transfer); every other
-- request is about a transfer of a case.
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_subject_check" CHECK (
  CASE WHEN "kind" = 'PROTECTIVE_STOP' THEN "alert_id" IS NOT NULL AND "transfer_id" IS NULL
       ELSE "case_id" IS NOT NULL AND "transfer_id" IS NOT NULL END);
-- Nobody approves their own request; an approval names its notice or decision.
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_approval_check" CHECK (
  ("approved_by_id" IS NULL OR ("approved_by_id" <> "filed_by_id" AND "approved_at" IS NOT NULL AND "notice_number" IS NOT NULL)));
-- Freezes, renewals and unfreezes wait for approval; stops never do.
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_needs_approval_check" CHECK (
  "kind" IN ('STOP', 'PROTECTIVE_STOP') OR "status" IN ('AWAITING_APPROVAL', 'CANCELLED') OR "approved_by_id" IS NOT NULL);
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_term_check" CHECK (
  ("term_months" IS NULL) = ("kind" NOT IN ('FREEZE', 'RENEW')) AND ("term_months" IS NULL OR "term_months" BETWEEN 1 AND 12));
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_answered_check" CHECK (
  ("status" IN ('COMPLETED', 'REFUSED')) = ("answered_at" IS NOT NULL));
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_sealed_check" CHECK (
  "account_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$'
  AND ("holder_sealed" IS NULL OR "holder_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$')
  AND ("return_to_sealed" IS NULL OR "return_to_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$'));
ALTER TABLE "bank_request" ADD CONSTRAINT "bank_request_version_check" CHECK ("version" >= 1);

ALTER TABLE "bank_return" ADD CONSTRAINT "bank_return_amount_check" CHECK ("amount_fen" > 0);
ALTER TABLE "account_stop" ADD CONSTRAINT "account_stop_stops_check" CHECK ("stops" BETWEEN 1 AND 2);
ALTER TABLE "city_setting" ADD CONSTRAINT "city_setting_threshold_check" CHECK ("large_stop_threshold_fen" > 0);
ALTER TABLE "city_setting" ADD CONSTRAINT "city_setting_version_check" CHECK ("version" >= 1);

-- One open request per transfer and kind (a double submit, two analysts at once: one request);
-- a protective stop has no transfer: one open per alert and account.
CREATE UNIQUE INDEX "bank_request_one_open_key" ON "bank_request" ("transfer_id", "kind")
  WHERE "status" IN ('AWAITING_APPROVAL', 'SENT', 'ACCEPTED');
CREATE UNIQUE INDEX "bank_request_one_open_protective_key" ON "bank_request" ("alert_id", "bank_id", "account_index")
  WHERE "kind" = 'PROTECTIVE_STOP' AND "status" IN ('AWAITING_APPROVAL', 'SENT', 'ACCEPTED');
-- The worker's sweeps: replies due, and stops and freezes nearing their end.
CREATE INDEX "bank_request_reply_due_idx" ON "bank_request" ("reply_by")
  WHERE "status" IN ('SENT', 'ACCEPTED') AND "reply_reminded_at" IS NULL;
CREATE INDEX "bank_request_expiry_due_idx" ON "bank_request" ("ends_at")
  WHERE "status" = 'COMPLETED' AND "ends_at" IS NOT NULL AND "expiry_reminded_at" IS NULL;

-- A return adds to its transfer's and its case's returned totals in the same statement: the
-- transfer's row lock serialises concurrent returns and its CHECK refuses more than was held, so
-- a case's recovered total always equals the sum of its returns.
CREATE FUNCTION "bank_return_add_to_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "case_transfer" SET "returned_fen" = "returned_fen" + NEW."amount_fen" WHERE "id" = NEW."transfer_id";
  UPDATE "fraud_case" SET "returned_fen" = "returned_fen" + NEW."amount_fen" WHERE "id" = NEW."case_id";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "bank_return_totals" AFTER INSERT ON "bank_return"
  FOR EACH ROW EXECUTE FUNCTION "bank_return_add_to_totals"();
-- Returns are entered, never edited or removed (a wrong entry is corrected by the bank's receipt).
CREATE TRIGGER "bank_return_no_update_delete" BEFORE UPDATE OR DELETE ON "bank_return"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

-- An account can be stopped at most twice (紧急止付 rules): every stop that takes effect counts
-- in account_stop under the row lock of its account, whose CHECK refuses the third.
CREATE FUNCTION "bank_request_count_stop"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'STOP' AND NEW."status" = 'COMPLETED' AND COALESCE(NEW."result_fen", 0) > 0
     AND (TG_OP = 'INSERT' OR OLD."status" <> 'COMPLETED') THEN
    INSERT INTO "account_stop" ("bank_id", "account_index", "stops") VALUES (NEW."bank_id", NEW."account_index", 1)
      ON CONFLICT ("bank_id", "account_index") DO UPDATE SET "stops" = "account_stop"."stops" + 1;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "bank_request_stop_count" AFTER INSERT OR UPDATE OF "status" ON "bank_request"
  FOR EACH ROW EXECUTE FUNCTION "bank_request_count_stop"();

-- Live channels: the bank's desk hears its requests (b:<bank>), the case's units theirs.
CREATE TRIGGER "bank_request_live_insert" AFTER INSERT ON "bank_request"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('bank_request');
CREATE TRIGGER "bank_request_live_update" AFTER UPDATE ON "bank_request"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('bank_request');
