-- CreateEnum
CREATE TYPE "AlertEventKind" AS ENUM ('CREATED', 'REPEAT_JOINED', 'CLAIMED', 'RELEASED', 'ATTEMPT', 'COMMENT', 'RISK_CHANGED', 'JURISDICTION_SET', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'SOLVED', 'CLOSED');

-- DropIndex
DROP INDEX "alert_city_id_status_risk_level_first_contact_deadline_idx";

-- CreateTable
CREATE TABLE "sla_rule" (
    "risk_level" "RiskLevel" NOT NULL,
    "first_contact_minutes" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "sla_rule_pkey" PRIMARY KEY ("risk_level")
);

-- CreateTable
CREATE TABLE "playbook" (
    "fraud_type" "FraudType" NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "content" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "playbook_pkey" PRIMARY KEY ("fraud_type")
);

-- CreateTable
CREATE TABLE "alert_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "alert_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "kind" "AlertEventKind" NOT NULL,
    "text" VARCHAR(1000),
    "data" JSONB,

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fraud_case" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "loss_fen" BIGINT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_by_id" UUID NOT NULL,

    CONSTRAINT "fraud_case_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_event_alert_id_at_idx" ON "alert_event"("alert_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "fraud_case_alert_id_key" ON "fraud_case"("alert_id");

-- CreateIndex
CREATE INDEX "fraud_case_city_id_opened_at_idx" ON "fraud_case"("city_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "fraud_case_person_id_idx" ON "fraud_case"("person_id");

-- CreateIndex
CREATE INDEX "alert_city_id_status_risk_level_first_contact_deadline_id_idx" ON "alert"("city_id", "status", "risk_level" DESC, "first_contact_deadline", "id");

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ─── Hand-written SQL (Prisma cannot express it; listed in prisma/hand-written-sql.md) ───

ALTER TABLE "sla_rule" ADD CONSTRAINT "sla_rule_minutes_check" CHECK ("first_contact_minutes" BETWEEN 1 AND 10080);
ALTER TABLE "playbook" ADD CONSTRAINT "playbook_version_check" CHECK ("version" >= 1);
ALTER TABLE "fraud_case" ADD CONSTRAINT "fraud_case_loss_fen_check" CHECK ("loss_fen" >= 0);

-- Default first-contact deadlines (Wuhan practice); admins change them afterwards.
INSERT INTO "sla_rule" ("risk_level", "first_contact_minutes") VALUES
  ('URGENT', 5), ('HIGH', 15), ('MEDIUM', 60), ('LOW', 1440);

-- Live queue: one notification per statement (not per row, so a 1,000-alert batch or a bulk
-- seed sends one), naming the cities whose queues changed. Every app instance LISTENs and
-- pushes a refresh to its browsers over server-sent events.
CREATE FUNCTION "alert_notify_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cities text;
BEGIN
  SELECT string_agg(DISTINCT city_id::text, ',') INTO cities FROM changed_rows;
  IF cities IS NOT NULL THEN
    PERFORM pg_notify('alert_changed', json_build_object('op', TG_OP, 'cities', string_to_array(cities, ','))::text);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "alert_notify_insert" AFTER INSERT ON "alert"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_notify_changed"();
CREATE TRIGGER "alert_notify_update" AFTER UPDATE ON "alert"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "alert_notify_changed"();
