-- Live channels for every role. One notification per statement (not per row: a 1,000-alert batch
-- sends one) on the channel `live_change`, naming the topic and the units the change concerns:
-- {"t":"alert","k":["c:<city>","d:<district>","s:<station>",…]}. Every app instance LISTENs
-- and passes it to the open pages of the users whose jurisdiction holds one of those units; the
-- page then re-reads itself through the ordinary, authorised rendering. A notification names no
-- record and no person. An UPDATE names the units before and after (a re-routed alert leaves one
-- station's list and enters another's). When the units would not fit in one notification
-- (PostgreSQL allows 8,000 bytes), it names the cities only and says so ("all": every unit of them).
-- The trigger function is generic: any table with city_id (and district_id, station_id, bank_id
-- when it has them) can use it with its topic as the trigger's argument.

DROP TRIGGER "alert_notify_insert" ON "alert";
DROP TRIGGER "alert_notify_update" ON "alert";
DROP FUNCTION "alert_notify_changed"();

CREATE FUNCTION "notify_live_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text[];
  cities text[];
  payload text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT k ORDER BY k) INTO keys FROM (
      SELECT to_jsonb(r) AS j FROM new_rows r UNION ALL SELECT to_jsonb(r) FROM old_rows r
    ) rows, LATERAL (VALUES ('c:' || (j->>'city_id')), ('d:' || (j->>'district_id')), ('s:' || (j->>'station_id')), ('b:' || (j->>'bank_id'))) AS v(k)
    WHERE k IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT k ORDER BY k) INTO keys FROM (SELECT to_jsonb(r) AS j FROM new_rows r) rows,
      LATERAL (VALUES ('c:' || (j->>'city_id')), ('d:' || (j->>'district_id')), ('s:' || (j->>'station_id')), ('b:' || (j->>'bank_id'))) AS v(k)
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

CREATE TRIGGER "alert_live_insert" AFTER INSERT ON "alert"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('alert');
CREATE TRIGGER "alert_live_update" AFTER UPDATE ON "alert"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_live_change"('alert');
