// For tests that check what is stored about a person: the blind indexes to find rows by a clear
// value, and the clear values of a stored person (through the app's own vault, with the test keys).
import { db } from "@/lib/db";
import { vault } from "@/lib/server/pii/vault";

export const phoneIndex = (phone: string) => vault().blindIndex("phone", phone);
export const idNumberIndex = (idNumber: string) => vault().blindIndex("idNumber", idNumber);
export const openPhone = (sealed: string) => vault().open("phone", sealed);

/** A stored person as clear values: name, ID number, address and every phone (oldest sighting first). */
export async function personData(personId: string): Promise<{ name: string; idNumber: string | null; address: string | null; phones: string[] }> {
  const p = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { nameSealed: true, idNumberSealed: true, addressSealed: true, phones: { orderBy: { firstSeenAt: "asc" }, select: { phoneSealed: true } } },
  });
  const v = vault();
  return {
    name: v.open("name", p.nameSealed),
    idNumber: p.idNumberSealed ? v.open("idNumber", p.idNumberSealed) : null,
    address: p.addressSealed ? v.open("address", p.addressSealed) : null,
    phones: p.phones.map((x) => v.open("phone", x.phoneSealed)),
  };
}

/** How many persons of any city have this phone among theirs. */
export function personsWithPhone(phone: string): Promise<number> {
  return db.person.count({ where: { phones: { some: { phoneIndex: phoneIndex(phone) } } } });
}

/** The number an alert is about, in clear. */
export async function alertPhone(alertId: string): Promise<string> {
  const { phoneSealed } = await db.alert.findUniqueOrThrow({ where: { id: alertId }, select: { phoneSealed: true } });
  return openPhone(phoneSealed);
}
