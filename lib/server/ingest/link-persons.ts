import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { vault } from "@/lib/server/pii/vault";
import type { Candidate } from "./ingest-types";

export interface LinkedPerson {
  personId: string;
  /** Linked by ID number to a person known under another phone (this phone is added to theirs). */
  viaIdNumber: boolean;
}

/** The sealed and indexed personal data of an alert, for the alert row. */
export interface SealedAlertPerson {
  phoneSealed: string;
  phoneIndex: string;
  addressSealed: string | null;
}

interface Key {
  cityId: string;
  phoneIndex: string;
  idIndex: string | null;
}

/** Thrown when a concurrent request created the same phone first: the batch is run again. */
function lostRace(): Error {
  return Object.assign(new Error("person linked by a concurrent request"), { code: "40001" });
}

/**
 * Finds or creates the person of every candidate, by blind index only (no clear value is ever
 * compared in SQL): the same phone in the city → that person; else the same ID number → that
 * person, who gains this phone; else a new person. Every phone's first and last sighting is
 * kept; a person's name, ID number and address are filled in when missing, never overwritten.
 * Every person touched is row-locked until commit, so concurrent requests about one person take
 * turns (and see each other's open alerts).
 */
export async function linkPersons(tx: Tx, candidates: readonly Candidate[]): Promise<{ linked: Map<number, LinkedPerson>; sealed: Map<number, SealedAlertPerson> }> {
  const pii = vault();
  const keys = new Map<number, Key>();
  const sealed = new Map<number, SealedAlertPerson>();
  for (const c of candidates) {
    const { phone, idNumber, address } = c.alert.person;
    const phoneIndex = pii.blindIndex("phone", phone);
    keys.set(c.index, { cityId: c.cityId, phoneIndex, idIndex: idNumber ? pii.blindIndex("idNumber", idNumber) : null });
    sealed.set(c.index, { phoneSealed: pii.seal("phone", phone), phoneIndex, addressSealed: address ? pii.seal("address", address) : null });
  }
  const phoneKey = (k: Key) => `${k.cityId}|${k.phoneIndex}`;
  const idKey = (k: Key) => `${k.cityId}|${k.idIndex}`;

  // What the database already knows, by phone and by ID number; the persons found are locked.
  const lookups = [...keys.values()];
  // char(32) like the columns: compared as text, the blind-index columns could not use their indexes.
  const found = await tx.$queryRaw<{ person_id: string; city_id: string; by: "phone" | "id"; key: string }[]>`
    WITH k AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(lookups)}::jsonb) AS t("cityId" uuid, "phoneIndex" char(32), "idIndex" char(32)))
    SELECT x.person_id, x.city_id, 'phone' AS by, x.phone_index AS key
      FROM person_phone x JOIN k ON x.city_id = k."cityId" AND x.phone_index = k."phoneIndex"
    UNION
    SELECT p.id, p.city_id, 'id', p.id_number_index
      FROM person p JOIN k ON p.city_id = k."cityId" AND p.id_number_index = k."idIndex"
    ORDER BY 1`;
  const byPhone = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const f of found) {
    if (f.by === "phone") byPhone.set(`${f.city_id}|${f.key}`, f.person_id);
    else if (!byId.has(`${f.city_id}|${f.key}`)) byId.set(`${f.city_id}|${f.key}`, f.person_id);
  }
  const existing = [...new Set(found.map((f) => f.person_id))].sort();
  if (existing.length > 0) await tx.$queryRaw`SELECT id FROM person WHERE id = ANY(${existing}::uuid[]) ORDER BY id FOR UPDATE`;

  // Resolve in request order: a phone or ID number seen earlier in the batch links like a stored one.
  const linked = new Map<number, LinkedPerson>();
  const newPersons = new Map<string, { id: string; city_id: string; name: string; id_number: string | null; id_index: string | null; address: string | null }>();
  const fills = new Map<string, { id: string; id_number: string | null; id_index: string | null; address: string | null }>();
  const phones = new Map<string, { city_id: string; person_id: string; phone_sealed: string; phone_index: string; seen_at: string }>();
  for (const c of candidates) {
    const k = keys.get(c.index)!;
    const s = sealed.get(c.index)!;
    const { name, idNumber } = c.alert.person;
    let personId = byPhone.get(phoneKey(k));
    let viaIdNumber = false;
    if (!personId && k.idIndex) {
      personId = byId.get(idKey(k));
      viaIdNumber = personId !== undefined;
    }
    if (!personId) {
      personId = randomUUID();
      newPersons.set(personId, {
        id: personId,
        city_id: c.cityId,
        name: pii.seal("name", name),
        id_number: idNumber ? pii.seal("idNumber", idNumber) : null,
        id_index: k.idIndex,
        address: s.addressSealed,
      });
    } else if (!newPersons.has(personId)) {
      const fill = fills.get(personId) ?? { id: personId, id_number: null, id_index: null, address: null };
      if (idNumber && !fill.id_index) Object.assign(fill, { id_number: pii.seal("idNumber", idNumber), id_index: k.idIndex });
      fill.address ??= s.addressSealed;
      fills.set(personId, fill);
    }
    byPhone.set(phoneKey(k), personId);
    if (k.idIndex && !byId.has(idKey(k))) byId.set(idKey(k), personId);
    const seen = phones.get(phoneKey(k));
    if (!seen || seen.seen_at < c.alert.detectedAt) {
      phones.set(phoneKey(k), { city_id: c.cityId, person_id: personId, phone_sealed: seen?.phone_sealed ?? s.phoneSealed, phone_index: k.phoneIndex, seen_at: c.alert.detectedAt });
    }
    linked.set(c.index, { personId, viaIdNumber });
  }

  if (newPersons.size > 0) {
    await tx.$queryRaw`
      INSERT INTO person (id, city_id, name_sealed, id_number_sealed, id_number_index, address_sealed)
      SELECT t.id, t.city_id, t.name, t.id_number, t.id_index, t.address
      FROM jsonb_to_recordset(${JSON.stringify([...newPersons.values()])}::jsonb) AS t(id uuid, city_id uuid, name text, id_number text, id_index text, address text)
      ORDER BY t.id
      RETURNING id`;
  }
  if (fills.size > 0) {
    await tx.$queryRaw`
      UPDATE person p
      SET id_number_sealed = COALESCE(p.id_number_sealed, t.id_number),
          id_number_index = COALESCE(p.id_number_index, t.id_index),
          address_sealed = COALESCE(p.address_sealed, t.address),
          updated_at = CASE
            WHEN (p.id_number_index IS NULL AND t.id_index IS NOT NULL) OR (p.address_sealed IS NULL AND t.address IS NOT NULL)
            THEN now() ELSE p.updated_at END
      FROM jsonb_to_recordset(${JSON.stringify([...fills.values()])}::jsonb) AS t(id uuid, id_number text, id_index text, address text)
      WHERE p.id = t.id
      RETURNING p.id`;
  }
  // Sorted, so concurrent batches lock phones in the same order. A phone another request added
  // meanwhile for another person means this batch linked on stale knowledge: run it again.
  const phoneRows = [...phones.values()].sort((a, b) => (a.city_id + a.phone_index < b.city_id + b.phone_index ? -1 : 1));
  const upserted = await tx.$queryRaw<{ person_id: string; phone_index: string; city_id: string }[]>`
    INSERT INTO person_phone (city_id, person_id, phone_sealed, phone_index, first_seen_at, last_seen_at)
    SELECT t.city_id, t.person_id, t.phone_sealed, t.phone_index, t.seen_at, t.seen_at
    FROM jsonb_to_recordset(${JSON.stringify(phoneRows)}::jsonb) AS t(city_id uuid, person_id uuid, phone_sealed text, phone_index text, seen_at timestamptz)
    ORDER BY t.city_id, t.phone_index
    ON CONFLICT (city_id, phone_index) DO UPDATE SET
      first_seen_at = LEAST(person_phone.first_seen_at, EXCLUDED.first_seen_at),
      last_seen_at = GREATEST(person_phone.last_seen_at, EXCLUDED.last_seen_at)
    RETURNING person_id, phone_index, city_id`;
  const expected = new Map(phoneRows.map((p) => [`${p.city_id}|${p.phone_index}`, p.person_id]));
  if (upserted.some((u) => expected.get(`${u.city_id}|${u.phone_index}`) !== u.person_id)) throw lostRace();
  return { linked, sealed };
}
