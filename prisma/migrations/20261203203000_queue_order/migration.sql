-- The analysts' queue reads open alerts (NEW or CLAIMED) of a city, most urgent first, then the
-- nearest deadline. `status IN (NEW, CLAIMED)` cannot follow the (city, status, risk, deadline)
-- index's order (two status ranges), so every open alert of the city was read and sorted for each
-- page (~48 ms of PostgreSQL at 1M alerts). This index holds only open alerts, in queue order: a
-- page reads the 51 rows it shows. Hand-written: Prisma cannot express a partial index.
--
-- Its predicate does not name the status: Prisma sends enum values as parameters cast to the enum
-- type, which the planner cannot match against a partial index's predicate, so a `WHERE status IN
-- (…)` index would never be used. An alert is open exactly when it has no outcome and joined no
-- other alert (CHECKs alert_outcome_check and alert_joined_check), and `IS NULL` needs no parameter:
-- the queue's query (listTriageQueue) says so too.
CREATE INDEX "alert_queue_order_idx" ON "alert" ("city_id", "risk_level" DESC, "first_contact_deadline", "id")
  WHERE "outcome" IS NULL AND "joined_alert_id" IS NULL;
