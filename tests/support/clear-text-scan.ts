// Looks through every text column of the database for personal data in clear: the phones, ID
// numbers, names and addresses of the people it holds (opened from their sealed values with the
// app's own vault). Scans over SQL, as the embedded PostgreSQL has no pg_dump.
import { db } from "@/lib/db";
import { vault } from "@/lib/server/pii/vault";

/** Staff accounts' names may be in clear (they are not citizens' personal data, decision 016). */
const STAFF_NAME_COLUMNS = new Set(["app_user.display_name", "app_user.username", "audit_event.actor_name"]);

export interface Secrets {
  phones: Set<string>;
  idNumbers: Set<string>;
  /** Names of three or more characters (two-character names occur in place names). */
  names: Set<string>;
  addresses: Set<string>;
}

/** Every citizen's personal data the database holds, in clear (from the sealed values). */
export async function citizensSecrets(extra: Partial<Record<keyof Secrets, string[]>> = {}): Promise<Secrets> {
  const v = vault();
  const persons = await db.person.findMany({ select: { nameSealed: true, idNumberSealed: true, addressSealed: true, phones: { select: { phoneSealed: true } } } });
  const alerts = await db.alert.findMany({ select: { phoneSealed: true, addressSealed: true } });
  const secrets: Secrets = { phones: new Set(), idNumbers: new Set(), names: new Set(), addresses: new Set() };
  for (const p of persons) {
    const name = v.open("name", p.nameSealed);
    if ([...name].length >= 3) secrets.names.add(name);
    if (p.idNumberSealed) secrets.idNumbers.add(v.open("idNumber", p.idNumberSealed));
    if (p.addressSealed) secrets.addresses.add(v.open("address", p.addressSealed));
    for (const f of p.phones) secrets.phones.add(v.open("phone", f.phoneSealed));
  }
  for (const a of alerts) {
    secrets.phones.add(v.open("phone", a.phoneSealed));
    if (a.addressSealed) secrets.addresses.add(v.open("address", a.addressSealed));
  }
  for (const [kind, values] of Object.entries(extra) as [keyof Secrets, string[]][]) for (const x of values) secrets[kind].add(x);
  return secrets;
}

/** Where personal data appears in clear: "table.column: what" for each hit (empty when clean). */
export async function findClearPersonalData(secrets: Secrets): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`;
  const nameLengths = [...new Set([...secrets.names].map((n) => [...n].length))];
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const where = `${table_name}.${column_name}`;
    if (STAFF_NAME_COLUMNS.has(where)) continue;
    const values = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`);
    for (const { v } of values) {
      for (const m of v.matchAll(/1[3-9]\d{9}/g)) if (secrets.phones.has(m[0])) hits.push(`${where}: a phone`);
      for (const m of v.matchAll(/\d{17}[\dX]/g)) if (secrets.idNumbers.has(m[0])) hits.push(`${where}: an ID number`);
      const chars = [...v];
      for (const len of nameLengths) {
        for (let i = 0; i + len <= chars.length; i++) if (secrets.names.has(chars.slice(i, i + len).join(""))) hits.push(`${where}: a name`);
      }
      for (const a of secrets.addresses) if (v.includes(a)) hits.push(`${where}: an address`);
    }
  }
  return [...new Set(hits)];
}
