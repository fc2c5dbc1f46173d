-- An alert's timeline names each instruction sent about it.
ALTER TYPE "AlertEventKind" ADD VALUE 'DISPATCHED';

-- CreateEnum
CREATE TYPE "InstructionKind" AS ENUM ('DOOR_VISIT', 'PHONE_FOLLOW_UP', 'LOCATE');

-- CreateEnum
CREATE TYPE "InstructionStatus" AS ENUM ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'REPORTED', 'DECLINED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('NOT_OUR_JURISDICTION', 'WRONG_PERSON');

-- CreateEnum
CREATE TYPE "FeedbackOutcome" AS ENUM ('DISSUADED', 'DEFRAUDED', 'NOT_FOUND', 'NOT_THE_PERSON', 'DUPLICATE', 'NOT_FOUND_YET');

-- CreateEnum
CREATE TYPE "InstructionEventKind" AS ENUM ('ISSUED', 'FORWARDED', 'SIGNED_OFF', 'DECLINED', 'REROUTED', 'TEAM_SET', 'CHECKED_IN', 'VISIT_ATTEMPT', 'FEEDBACK', 'SENT_BACK', 'CLOSED', 'CANCELLED', 'CHASED', 'OVERDUE', 'ESCALATED', 'REMINDED', 'SUPERVISION_COMMENT', 'REPLY_REQUIRED', 'REPLIED');

-- CreateEnum
CREATE TYPE "OverdueKind" AS ENUM ('SIGN_OFF', 'FEEDBACK');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('INSTRUCTION_NEW', 'INSTRUCTION_DECLINED', 'INSTRUCTION_REPORTED', 'INSTRUCTION_SENT_BACK', 'INSTRUCTION_CANCELLED', 'INSTRUCTION_CHASED', 'INSTRUCTION_OVERDUE', 'SUPERVISION_NOTICE', 'REPLY_REQUIRED', 'SUPERVISION_REPLIED');

-- CreateTable
CREATE TABLE "instruction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "station_id" UUID,
    "alert_id" UUID NOT NULL,
    "kind" "InstructionKind" NOT NULL,
    "risk_level" "RiskLevel" NOT NULL,
    "status" "InstructionStatus" NOT NULL,
    "issuer_unit_id" UUID NOT NULL,
    "issued_by_id" UUID NOT NULL,
    "note" VARCHAR(1000),
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "routed_at" TIMESTAMPTZ(3) NOT NULL,
    "sign_off_deadline" TIMESTAMPTZ(3) NOT NULL,
    "feedback_deadline" TIMESTAMPTZ(3) NOT NULL,
    "escalate_at" TIMESTAMPTZ(3) NOT NULL,
    "sign_off_overdue_at" TIMESTAMPTZ(3),
    "feedback_overdue_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "next_reminder_at" TIMESTAMPTZ(3),
    "signed_off_at" TIMESTAMPTZ(3),
    "signed_off_by_id" UUID,
    "team" JSONB,
    "checked_in_at" TIMESTAMPTZ(3),
    "check_in_location" VARCHAR(200),
    "visit_attempts" INTEGER NOT NULL DEFAULT 0,
    "decline_reason" "DeclineReason",
    "suggested_station_id" UUID,
    "declined_from_station_id" UUID,
    "feedback_draft" JSONB,
    "feedback_draft_at" TIMESTAMPTZ(3),
    "feedback_outcome" "FeedbackOutcome",
    "met_person" BOOLEAN,
    "checks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "loss_avoided_fen" BIGINT,
    "loss_fen" BIGINT,
    "feedback_note" VARCHAR(2000),
    "reported_at" TIMESTAMPTZ(3),
    "reported_by_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "follow_up_due_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instruction_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "instruction_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "kind" "InstructionEventKind" NOT NULL,
    "unit_id" UUID,
    "text" VARCHAR(2000),
    "data" JSONB,

    CONSTRAINT "instruction_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instruction_overdue" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "station_id" UUID,
    "instruction_id" UUID NOT NULL,
    "kind" "OverdueKind" NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instruction_overdue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_notice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "station_id" UUID,
    "instruction_id" UUID NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reply_required_at" TIMESTAMPTZ(3),
    "reply_required_by_id" UUID,
    "reply" VARCHAR(2000),
    "replied_at" TIMESTAMPTZ(3),
    "replied_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "supervision_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "instruction_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "instruction_station_id_status_feedback_deadline_idx" ON "instruction"("station_id", "status", "feedback_deadline");

-- CreateIndex
CREATE INDEX "instruction_district_id_status_feedback_deadline_idx" ON "instruction"("district_id", "status", "feedback_deadline");

-- CreateIndex
CREATE INDEX "instruction_city_id_status_issued_at_idx" ON "instruction"("city_id", "status", "issued_at" DESC);

-- CreateIndex
CREATE INDEX "instruction_issued_by_id_status_idx" ON "instruction"("issued_by_id", "status");

-- CreateIndex
CREATE INDEX "instruction_alert_id_issued_at_idx" ON "instruction"("alert_id", "issued_at");

-- CreateIndex
CREATE INDEX "instruction_event_instruction_id_at_idx" ON "instruction_event"("instruction_id", "at");

-- CreateIndex
CREATE INDEX "instruction_event_city_id_kind_at_idx" ON "instruction_event"("city_id", "kind", "at");

-- CreateIndex
CREATE INDEX "instruction_overdue_city_id_marked_at_idx" ON "instruction_overdue"("city_id", "marked_at");

-- CreateIndex
CREATE UNIQUE INDEX "instruction_overdue_instruction_id_kind_deadline_key" ON "instruction_overdue"("instruction_id", "kind", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_notice_instruction_id_key" ON "supervision_notice"("instruction_id");

-- CreateIndex
CREATE INDEX "supervision_notice_city_id_raised_at_idx" ON "supervision_notice"("city_id", "raised_at" DESC);

-- CreateIndex
CREATE INDEX "supervision_notice_district_id_raised_at_idx" ON "supervision_notice"("district_id", "raised_at" DESC);

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_issuer_unit_id_fkey" FOREIGN KEY ("issuer_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction_event" ADD CONSTRAINT "instruction_event_instruction_id_fkey" FOREIGN KEY ("instruction_id") REFERENCES "instruction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction_overdue" ADD CONSTRAINT "instruction_overdue_instruction_id_fkey" FOREIGN KEY ("instruction_id") REFERENCES "instruction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_instruction_id_fkey" FOREIGN KEY ("instruction_id") REFERENCES "instruction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (prisma/hand-written-sql.md) ------------------------------------------------

-- Who holds it: a station exactly while the station works it; the district alone while it waits
-- there or after a decline (the declining station no longer sees it).
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_holder_check" CHECK (
  CASE WHEN "status" IN ('AT_DISTRICT', 'DECLINED') THEN "station_id" IS NULL
       WHEN "status" IN ('AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'REPORTED') THEN "station_id" IS NOT NULL
       ELSE TRUE END);
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_reported_check" CHECK (
  ("feedback_outcome" IS NULL) = ("reported_at" IS NULL) AND ("status" <> 'REPORTED' OR "feedback_outcome" IS NOT NULL));
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_closed_check" CHECK (("status" IN ('CLOSED', 'CANCELLED')) = ("closed_at" IS NOT NULL));
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_deadlines_check" CHECK (
  "sign_off_deadline" > "routed_at" AND "feedback_deadline" >= "sign_off_deadline" AND "escalate_at" > "issued_at");
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_money_check" CHECK (
  ("loss_avoided_fen" IS NULL OR "loss_avoided_fen" >= 0) AND ("loss_fen" IS NULL OR "loss_fen" >= 0));
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_visit_attempts_check" CHECK ("visit_attempts" >= 0);
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_version_check" CHECK ("version" >= 1);
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_version_check" CHECK ("version" >= 1);

-- The worker's sweep reads only what is still due (docs/decisions/018-dispatch-chain.md).
CREATE INDEX "instruction_sign_off_due_idx" ON "instruction" ("sign_off_deadline")
  WHERE "status" IN ('AT_DISTRICT', 'AT_STATION') AND "sign_off_overdue_at" IS NULL;
CREATE INDEX "instruction_feedback_due_idx" ON "instruction" ("feedback_deadline")
  WHERE "status" IN ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED') AND "feedback_overdue_at" IS NULL;
CREATE INDEX "instruction_escalation_due_idx" ON "instruction" ("escalate_at")
  WHERE "status" IN ('AT_DISTRICT', 'AT_STATION', 'SIGNED_OFF', 'ON_SITE', 'DECLINED') AND "escalated_at" IS NULL;
CREATE INDEX "instruction_reminder_due_idx" ON "instruction" ("next_reminder_at")
  WHERE "next_reminder_at" IS NOT NULL;
CREATE INDEX "notification_unread_idx" ON "notification" ("user_id") WHERE "read_at" IS NULL;

-- Live channels: the generic trigger now also names a row's user ("u:<user>"), so a
-- notification reaches only its recipient's pages.
CREATE OR REPLACE FUNCTION "notify_live_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text[];
  cities text[];
  payload text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT k ORDER BY k) INTO keys FROM (
      SELECT to_jsonb(r) AS j FROM new_rows r UNION ALL SELECT to_jsonb(r) FROM old_rows r
    ) rows, LATERAL (VALUES ('c:' || (j->>'city_id')), ('d:' || (j->>'district_id')), ('s:' || (j->>'station_id')), ('b:' || (j->>'bank_id')), ('u:' || (j->>'user_id'))) AS v(k)
    WHERE k IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT k ORDER BY k) INTO keys FROM (SELECT to_jsonb(r) AS j FROM new_rows r) rows,
      LATERAL (VALUES ('c:' || (j->>'city_id')), ('d:' || (j->>'district_id')), ('s:' || (j->>'station_id')), ('b:' || (j->>'bank_id')), ('u:' || (j->>'user_id'))) AS v(k)
    WHERE k IS NOT NULL;
  END IF;
  IF keys IS NULL THEN
    RETURN NULL;
  END IF;
  payload := json_build_object('t', TG_ARGV[0], 'k', keys)::text;
  IF octet_length(payload) > 7500 THEN
    SELECT array_agg(k) INTO cities FROM unnest(keys) AS k WHERE k LIKE 'c:%';
    payload := json_build_object('t', TG_ARGV[0], 'k', cities, 'all', true)::text;
  END IF;
  PERFORM pg_notify('live_change', payload);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "instruction_live_insert" AFTER INSERT ON "instruction"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('instruction');
CREATE TRIGGER "instruction_live_update" AFTER UPDATE ON "instruction"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('instruction');
CREATE TRIGGER "notification_live_insert" AFTER INSERT ON "notification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('notification');
CREATE TRIGGER "notification_live_update" AFTER UPDATE ON "notification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('notification');
