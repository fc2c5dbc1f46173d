-- The analysts' queue reads open alerts (NEW or CLAIMED) of a city, most urgent first, then the
-- nearest deadline. `status IN (NEW, CLAIMED)` cannot follow the (city, status, risk, deadline)
-- index's order (two status ranges), so every open alert of the city was read and sorted for each
-- page (~48 ms of PostgreSQL at 1M alerts). This index holds only open alerts, in queue order: a
-- page reads the 51 rows it shows. Hand-written: Prisma cannot express a partial index.
CREATE INDEX "alert_queue_order_idx" ON "alert" ("city_id", "risk_level" DESC, "first_contact_deadline", "id")
  WHERE "status" IN ('NEW', 'CLAIMED');
