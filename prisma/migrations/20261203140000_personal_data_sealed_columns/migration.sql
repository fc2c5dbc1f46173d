-- Personal data at rest, part 1: the sealed columns and their blind indexes, beside the clear ones.
-- Between part 1 and part 2 the project's migration script (prisma/tools/apply-migrations.ts)
-- seals what the clear columns hold, with the keys from the environment: SQL alone cannot, since
-- the keys never reach the database. Part 2 then drops the clear columns, and refuses to run while
-- any row is still unsealed (so `prisma migrate deploy` alone can never lose data).

-- AlterTable
ALTER TABLE "person" ADD COLUMN "address_sealed" TEXT,
ADD COLUMN "id_number_index" CHAR(32),
ADD COLUMN "id_number_sealed" TEXT,
ADD COLUMN "name_sealed" TEXT;

-- AlterTable
ALTER TABLE "alert" ADD COLUMN "address_sealed" TEXT,
ADD COLUMN "phone_index" CHAR(32),
ADD COLUMN "phone_sealed" TEXT;

-- CreateTable
CREATE TABLE "person_phone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "phone_sealed" TEXT NOT NULL,
    "phone_index" CHAR(32) NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_phone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_phone_person_id_idx" ON "person_phone"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_phone_city_id_phone_index_key" ON "person_phone"("city_id", "phone_index");

-- AddForeignKey
ALTER TABLE "person_phone" ADD CONSTRAINT "person_phone_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_phone" ADD CONSTRAINT "person_phone_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
