-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CITY', 'DISTRICT', 'STATION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ANALYST', 'DISTRICT_COORDINATOR', 'STATION_OFFICER', 'BANK_LIAISON', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "FraudType" AS ENUM ('REBATE_TASK', 'FAKE_INVESTMENT', 'FAKE_LOAN', 'FAKE_CUSTOMER_SERVICE', 'IMPERSONATE_AUTHORITY', 'IMPERSONATE_ACQUAINTANCE', 'FAKE_CREDIT', 'FAKE_SHOPPING', 'GAME_TRADING', 'ROMANCE', 'IMPERSONATE_MILITARY', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NATIONAL', 'PROVINCIAL', 'CITY_ANALYSIS', 'BANK_MONITORING', 'TELECOM', 'PUBLIC_REPORT');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('NEW', 'CLAIMED', 'CLOSED', 'JOINED');

-- CreateEnum
CREATE TYPE "AlertOutcome" AS ENUM ('DISSUADED', 'DEFRAUDED', 'FALSE_ALARM', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'SMS', 'AI_CALL', 'APP_PUSH', 'RELATIVE', 'DOOR_VISIT');

-- CreateEnum
CREATE TYPE "ContactResult" AS ENUM ('DISSUADED', 'NO_ANSWER', 'DISBELIEVES', 'DEFRAUDED', 'WRONG_NUMBER');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parent_id" UUID,
    "city_id" UUID NOT NULL,
    "district_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "street" VARCHAR(100) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "short_name" VARCHAR(20) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" UUID NOT NULL,
    "bank_id" UUID,
    "password_hash" TEXT NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(32),
    "ip" VARCHAR(64),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_source" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source_id" UUID NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "id_number" VARCHAR(18),
    "address" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "district_id" UUID,
    "station_id" UUID,
    "source_id" UUID NOT NULL,
    "external_id" VARCHAR(64) NOT NULL,
    "payload_hash" CHAR(64) NOT NULL,
    "person_id" UUID NOT NULL,
    "address" VARCHAR(200),
    "risk_level" "RiskLevel" NOT NULL,
    "fraud_type" "FraudType" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'NEW',
    "outcome" "AlertOutcome",
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "first_contact_deadline" TIMESTAMPTZ(3) NOT NULL,
    "first_contact_at" TIMESTAMPTZ(3),
    "caller_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "app_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "suspect_accounts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "amount_in_transfer_fen" BIGINT,
    "loss_fen" BIGINT,
    "assignee_id" UUID,
    "claimed_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "joined_alert_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "alert_id" UUID NOT NULL,
    "user_id" UUID,
    "channel" "ContactChannel" NOT NULL,
    "result" "ContactResult" NOT NULL,
    "note" VARCHAR(500),
    "attempted_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_name" VARCHAR(64),
    "actor_role" "Role",
    "unit_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(32),
    "entity_id" VARCHAR(64),
    "outcome" "AuditOutcome" NOT NULL,
    "request_id" VARCHAR(64),
    "ip" VARCHAR(64),
    "details" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE INDEX "org_unit_city_id_kind_idx" ON "org_unit"("city_id", "kind");

-- CreateIndex
CREATE INDEX "community_station_id_idx" ON "community"("station_id");

-- CreateIndex
CREATE UNIQUE INDEX "community_city_id_street_name_key" ON "community"("city_id", "street", "name");

-- CreateIndex
CREATE UNIQUE INDEX "bank_code_key" ON "bank"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_unit_id_idx" ON "app_user"("unit_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_source_code_key" ON "alert_source"("code");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- CreateIndex
CREATE INDEX "api_key_source_id_idx" ON "api_key"("source_id");

-- CreateIndex
CREATE INDEX "person_city_id_id_number_idx" ON "person"("city_id", "id_number");

-- CreateIndex
CREATE UNIQUE INDEX "person_city_id_phone_key" ON "person"("city_id", "phone");

-- CreateIndex
CREATE INDEX "alert_city_id_status_risk_level_first_contact_deadline_idx" ON "alert"("city_id", "status", "risk_level", "first_contact_deadline");

-- CreateIndex
CREATE INDEX "alert_city_id_detected_at_id_idx" ON "alert"("city_id", "detected_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alert_district_id_detected_at_id_idx" ON "alert"("district_id", "detected_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alert_station_id_detected_at_id_idx" ON "alert"("station_id", "detected_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alert_person_id_detected_at_idx" ON "alert"("person_id", "detected_at" DESC);

-- CreateIndex
CREATE INDEX "alert_assignee_id_idx" ON "alert"("assignee_id");

-- CreateIndex
CREATE INDEX "alert_joined_alert_id_idx" ON "alert"("joined_alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_source_id_external_id_key" ON "alert"("source_id", "external_id");

-- CreateIndex
CREATE INDEX "contact_attempt_alert_id_attempted_at_idx" ON "contact_attempt"("alert_id", "attempted_at");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_id_at_idx" ON "audit_event"("actor_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community" ADD CONSTRAINT "community_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community" ADD CONSTRAINT "community_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "alert_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "alert_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_joined_alert_id_fkey" FOREIGN KEY ("joined_alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempt" ADD CONSTRAINT "contact_attempt_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempt" ADD CONSTRAINT "contact_attempt_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ─── Hand-written SQL (Prisma cannot express it; listed in prisma/hand-written-sql.md) ───

-- Money is integer fen and never negative.
ALTER TABLE "alert" ADD CONSTRAINT "alert_amount_in_transfer_fen_check" CHECK ("amount_in_transfer_fen" IS NULL OR "amount_in_transfer_fen" >= 0);
ALTER TABLE "alert" ADD CONSTRAINT "alert_loss_fen_check" CHECK ("loss_fen" IS NULL OR "loss_fen" >= 0);
-- A closed alert has an outcome; an open one has none.
ALTER TABLE "alert" ADD CONSTRAINT "alert_outcome_check" CHECK (("status" = 'CLOSED') = ("outcome" IS NOT NULL));
-- A claimed alert has its holder.
ALTER TABLE "alert" ADD CONSTRAINT "alert_claim_check" CHECK ("status" <> 'CLAIMED' OR "assignee_id" IS NOT NULL);
-- A repeat signal names the alert it joined.
ALTER TABLE "alert" ADD CONSTRAINT "alert_joined_check" CHECK (("status" = 'JOINED') = ("joined_alert_id" IS NOT NULL));
ALTER TABLE "alert" ADD CONSTRAINT "alert_version_check" CHECK ("version" >= 1);
-- A person's phone is a normalised mainland mobile number; an ID number is the 18-character form.
ALTER TABLE "person" ADD CONSTRAINT "person_phone_check" CHECK ("phone" ~ '^1[3-9][0-9]{9}$');
ALTER TABLE "person" ADD CONSTRAINT "person_id_number_check" CHECK ("id_number" IS NULL OR "id_number" ~ '^[0-9]{17}[0-9X]$');
-- Bank liaisons, and only they, belong to a bank.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_bank_check" CHECK (("role" = 'BANK_LIAISON') = ("bank_id" IS NOT NULL));
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_failed_login_count_check" CHECK ("failed_login_count" >= 0);
-- The tree has a shape: a city has no parent, a district hangs under a city, a station under a district.
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_tree_check" CHECK (
  ("kind" = 'CITY' AND "parent_id" IS NULL AND "district_id" IS NULL AND "city_id" = "id")
  OR ("kind" = 'DISTRICT' AND "parent_id" = "city_id" AND "district_id" = "id")
  OR ("kind" = 'STATION' AND "parent_id" = "district_id" AND "district_id" IS NOT NULL));

-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE are refused for every role.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
