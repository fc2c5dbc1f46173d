-- Personal data at rest, part 2: the clear columns go. Refuses to run while a row is unsealed
-- (part 1 explains how they get sealed), so no personal data is ever lost by migrating.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "person" WHERE "name_sealed" IS NULL)
     OR EXISTS (SELECT 1 FROM "alert" WHERE "phone_sealed" IS NULL)
     OR EXISTS (SELECT 1 FROM "person" p WHERE NOT EXISTS (SELECT 1 FROM "person_phone" x WHERE x."person_id" = p."id")) THEN
    RAISE EXCEPTION 'personal data is still in clear: migrate with the project''s script (npm run db:migrate) and PII_KEYS set, which seals it first';
  END IF;
END;
$$;

-- DropIndex
DROP INDEX "person_city_id_id_number_idx";

-- DropIndex
DROP INDEX "person_city_id_phone_key";

-- AlterTable (the CHECKs on the clear phone and ID number go with their columns)
ALTER TABLE "person" DROP COLUMN "address",
DROP COLUMN "id_number",
DROP COLUMN "name",
DROP COLUMN "phone",
ALTER COLUMN "name_sealed" SET NOT NULL;

-- AlterTable
ALTER TABLE "alert" DROP COLUMN "address",
ALTER COLUMN "phone_index" SET NOT NULL,
ALTER COLUMN "phone_sealed" SET NOT NULL;

-- CreateIndex
CREATE INDEX "person_city_id_id_number_index_idx" ON "person"("city_id", "id_number_index");

-- CreateIndex
CREATE INDEX "alert_city_id_phone_index_idx" ON "alert"("city_id", "phone_index");


-- ─── Hand-written SQL (Prisma cannot express it; listed in prisma/hand-written-sql.md) ───

-- A sealed column holds sealed values only, and an index column a blind index only: a clear value
-- written by mistake is refused by the database itself.
ALTER TABLE "person" ADD CONSTRAINT "person_name_sealed_check" CHECK ("name_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$');
ALTER TABLE "person" ADD CONSTRAINT "person_id_number_sealed_check" CHECK ("id_number_sealed" IS NULL OR "id_number_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$');
ALTER TABLE "person" ADD CONSTRAINT "person_address_sealed_check" CHECK ("address_sealed" IS NULL OR "address_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$');
ALTER TABLE "person" ADD CONSTRAINT "person_id_number_index_check" CHECK (("id_number_sealed" IS NULL) = ("id_number_index" IS NULL) AND ("id_number_index" IS NULL OR "id_number_index" ~ '^[0-9a-f]{32}$'));
ALTER TABLE "person_phone" ADD CONSTRAINT "person_phone_sealed_check" CHECK ("phone_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$' AND "phone_index" ~ '^[0-9a-f]{32}$');
ALTER TABLE "alert" ADD CONSTRAINT "alert_phone_sealed_check" CHECK ("phone_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$' AND "phone_index" ~ '^[0-9a-f]{32}$');
ALTER TABLE "alert" ADD CONSTRAINT "alert_address_sealed_check" CHECK ("address_sealed" IS NULL OR "address_sealed" ~ '^pd1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9_-]+$');
