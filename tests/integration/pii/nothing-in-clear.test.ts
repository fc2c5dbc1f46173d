// Personal data at rest: the demo city's people and what ingestion stores are sealed; no text
// column holds a phone, ID number, name or address in clear; look-ups work by blind index.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { vault } from "@/lib/server/pii/vault";
import { searchOpenAlertsByPhone } from "@/lib/server/alerts/search-alerts-by-phone";
import { getAlert } from "@/lib/server/alerts/get-alert";
import { revealPersonField } from "@/lib/server/alerts/reveal-person-field";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { citizensSecrets, findClearPersonalData } from "../../support/clear-text-scan";
import { personData } from "../../support/personal-data";
import { makeAlert, post, uniqueIdNumber, uniquePhone } from "../ingest/support";

await openTestDatabase("demo");

describe("personal data at rest", () => {
  it("no text column of the seeded database holds a citizen's phone, ID number, name or address in clear", async () => {
    const secrets = await citizensSecrets();
    // The scan has something to find: the template's 2,200 alerts and their people.
    expect(secrets.phones.size).toBeGreaterThan(1000);
    expect(secrets.idNumbers.size).toBeGreaterThan(500);
    expect(secrets.names.size).toBeGreaterThan(100);
    expect(await findClearPersonalData(secrets)).toEqual([]);
  });

  it("the scan finds a value written in clear (it can fail)", async () => {
    const secrets = await citizensSecrets();
    const phone = [...secrets.phones][0]!;
    const [alert] = await db.alert.findMany({ take: 1, select: { id: true, cityId: true } });
    await db.alertEvent.create({ data: { alertId: alert!.id, cityId: alert!.cityId, kind: "COMMENT", text: `回拨 ${phone}` } });
    expect(await findClearPersonalData(secrets)).toEqual(["alert_event.text: a phone"]);
    await db.alertEvent.deleteMany({ where: { alertId: alert!.id, kind: "COMMENT" } });
  });

  it("what ingestion receives is sealed, found by blind index, shown masked and revealed whole", async () => {
    const phone = uniquePhone();
    const idNumber = uniqueIdNumber();
    const person = { name: "欧阳明珠", phone, idNumber, address: "江州市东湖区测试大道88号" };
    const reply = await post({ alerts: [makeAlert({ riskLevel: "HIGH", person })] });
    const alertId = (reply.body.results[0] as { alertId: string }).alertId;
    const stored = await db.alert.findUniqueOrThrow({ where: { id: alertId }, select: { personId: true, phoneSealed: true, phoneIndex: true } });
    expect(stored.phoneSealed).toMatch(/^pd1:test1:/);
    expect(stored.phoneIndex).toBe(vault().blindIndex("phone", phone));
    expect(await personData(stored.personId)).toEqual({ name: "欧阳明珠", idNumber, address: person.address, phones: [phone] });

    const analyst = await signInAs("analyst2");
    const found = await searchOpenAlertsByPhone(analyst, phone);
    expect(found.results.map((r) => r.id)).toContain(alertId);
    const detail = await getAlert(analyst, alertId);
    expect(detail.person).toMatchObject({ name: "欧**珠", phone: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(await revealPersonField(analyst, { alertId, field: "phone", reason: "电话劝阻" })).toBe(phone);
    expect(await revealPersonField(analyst, { alertId, field: "idNumber", reason: "核实身份" })).toBe(idNumber);

    const secrets = await citizensSecrets({ names: [person.name], addresses: [person.address] });
    expect(await findClearPersonalData(secrets)).toEqual([]);
  });

  it("the database itself refuses a clear value in a sealed column", async () => {
    const [alert] = await db.alert.findMany({ take: 1, select: { id: true } });
    await expect(db.alert.update({ where: { id: alert!.id }, data: { phoneSealed: "13800138000" } })).rejects.toThrow();
    const [p] = await db.person.findMany({ take: 1, select: { id: true } });
    await expect(db.person.update({ where: { id: p!.id }, data: { nameSealed: "张三" } })).rejects.toThrow();
  });
});
