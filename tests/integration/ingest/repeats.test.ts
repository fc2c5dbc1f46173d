// Persons and repeats: alerts for the same phone or ID number link to one person; a new alert for
// a person with an open alert detected at most 72 h earlier joins it (status JOINED) instead of
// becoming a second queue item, and raises its risk when higher.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { IngestAlertInput, IngestItemResult } from "@/lib/schemas/ingest";
import { idNumberIndex, openPhone, personData, personsWithPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { hoursAgo, makeAlert, post, uniqueIdNumber, uniquePhone } from "./support";

await openTestDatabase("demo");

async function ingest(...alerts: IngestAlertInput[]): Promise<IngestItemResult[]> {
  const reply = await post({ alerts });
  expect(reply.status).toBe(200);
  return reply.body.results;
}

function createdId(result: IngestItemResult | undefined): string {
  if (!result || result.outcome !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result.alertId;
}

const alertRow = (id: string) =>
  db.alert.findUniqueOrThrow({
    where: { id },
    select: { status: true, riskLevel: true, version: true, joinedAlertId: true, firstContactDeadline: true, detectedAt: true, personId: true, phoneSealed: true },
  });

describe("the 72-hour repeat rule", () => {
  it("a repeat within 72 h of an open alert is recorded as JOINED, and a higher risk raises the open alert", async () => {
    const person = { name: "周九", phone: uniquePhone() };
    const firstDetected = hoursAgo(48);
    const [r1] = await ingest(makeAlert({ riskLevel: "MEDIUM", detectedAt: firstDetected, person }));
    const openId = createdId(r1);
    const open = await alertRow(openId);
    expect(open).toMatchObject({ status: "NEW", riskLevel: "MEDIUM", version: 1 });

    const [r2] = await ingest(makeAlert({ riskLevel: "HIGH", detectedAt: hoursAgo(0.5), person }));
    expect(r2).toMatchObject({ status: 201, outcome: "created", joinedAlertId: openId });
    const repeat = await alertRow(createdId(r2));
    expect(repeat).toMatchObject({ status: "JOINED", joinedAlertId: openId, personId: open.personId, riskLevel: "HIGH" });

    const raised = await alertRow(openId);
    expect(raised.riskLevel).toBe("HIGH");
    expect(raised.version).toBe(2);
    // min(its MEDIUM deadline, its own detection + 15 min for HIGH)
    expect(raised.firstContactDeadline.getTime()).toBe(Date.parse(firstDetected) + 15 * 60_000);
    const events = await db.alertEvent.findMany({ where: { alertId: openId }, orderBy: { kind: "asc" } });
    expect(events.map((e) => [e.kind, e.data])).toEqual([
      ["CREATED", expect.objectContaining({ riskLevel: "MEDIUM" })],
      ["REPEAT_JOINED", { repeatAlertId: createdId(r2), sourceCode: "demo-feed", riskLevel: "HIGH", riskRaisedFrom: "MEDIUM", riskRaisedTo: "HIGH" }],
    ]);
    const repeatCreated = await db.alertEvent.findFirstOrThrow({ where: { alertId: createdId(r2) } });
    expect(repeatCreated).toMatchObject({ kind: "CREATED", data: expect.objectContaining({ joinedAlertId: openId }) });
  });

  it("a lower-risk repeat joins without changing the open alert", async () => {
    const person = { name: "吴十", phone: uniquePhone() };
    const openId = createdId((await ingest(makeAlert({ riskLevel: "URGENT", detectedAt: hoursAgo(2), person })))[0]);
    const before = await alertRow(openId);
    const [r2] = await ingest(makeAlert({ riskLevel: "LOW", person }));
    expect(r2).toMatchObject({ joinedAlertId: openId });
    expect(await alertRow(openId)).toEqual(before);
    expect(await db.alertEvent.count({ where: { alertId: openId, kind: "REPEAT_JOINED" } })).toBe(1);
  });

  it("a claimed alert is still open: the repeat joins it", async () => {
    const person = { name: "郑一", phone: uniquePhone() };
    const openId = createdId((await ingest(makeAlert({ detectedAt: hoursAgo(1), person })))[0]);
    const analyst = await db.user.findFirstOrThrow({ where: { role: "ANALYST" } });
    await db.alert.update({ where: { id: openId }, data: { status: "CLAIMED", assigneeId: analyst.id, claimedAt: new Date() } });
    const [r2] = await ingest(makeAlert({ person }));
    expect(r2).toMatchObject({ joinedAlertId: openId });
  });

  it("after 72 h the repeat is a new queue item", async () => {
    const person = { name: "王二", phone: uniquePhone() };
    const oldId = createdId((await ingest(makeAlert({ detectedAt: hoursAgo(73), person })))[0]);
    const [r2] = await ingest(makeAlert({ riskLevel: "URGENT", detectedAt: hoursAgo(0), person }));
    expect(r2).not.toHaveProperty("joinedAlertId");
    expect(await alertRow(createdId(r2))).toMatchObject({ status: "NEW", joinedAlertId: null });
    expect(await alertRow(oldId)).toMatchObject({ status: "NEW", riskLevel: "MEDIUM", version: 1 });
  });

  it("when the earlier alert is closed, the repeat is a new queue item", async () => {
    const person = { name: "冯三", phone: uniquePhone() };
    const closedId = createdId((await ingest(makeAlert({ detectedAt: hoursAgo(5), person })))[0]);
    await db.alert.update({ where: { id: closedId }, data: { status: "CLOSED", outcome: "DISSUADED", closedAt: new Date() } });
    const [r2] = await ingest(makeAlert({ riskLevel: "HIGH", person }));
    expect(r2).not.toHaveProperty("joinedAlertId");
    expect(await alertRow(createdId(r2))).toMatchObject({ status: "NEW" });
    expect(await alertRow(closedId)).toMatchObject({ status: "CLOSED", riskLevel: "MEDIUM" });
  });

  it("inside one batch, later alerts for the same person join the first (in detection order)", async () => {
    const person = { name: "陈四", phone: uniquePhone() };
    const results = await ingest(
      makeAlert({ riskLevel: "HIGH", detectedAt: hoursAgo(1), person }),
      makeAlert({ riskLevel: "LOW", detectedAt: hoursAgo(3), person }),
      makeAlert({ riskLevel: "URGENT", detectedAt: hoursAgo(2), person }),
    );
    // The earliest (index 1) opens the queue item; the others join it and raise it to URGENT.
    const openId = createdId(results[1]);
    expect(results[1]).not.toHaveProperty("joinedAlertId");
    expect(results[0]).toMatchObject({ joinedAlertId: openId });
    expect(results[2]).toMatchObject({ joinedAlertId: openId });
    expect(await alertRow(openId)).toMatchObject({ status: "NEW", riskLevel: "URGENT", version: 2 });
    const reply = await post({ alerts: [makeAlert({ person })] });
    expect(reply.body.summary).toMatchObject({ created: 1, joined: 1 });
    expect(await db.alert.count({ where: { personId: (await alertRow(openId)).personId, status: { in: ["NEW", "CLAIMED"] } } })).toBe(1);
  });

  it("joins an open alert that a seeded (earlier) source created for the same phone", async () => {
    const seeded = await db.alert.findFirstOrThrow({
      where: { status: "NEW", detectedAt: { gte: new Date(Date.now() - 24 * 3600_000) }, city: { code: "JZ" } },
    });
    const person = await personData(seeded.personId);
    const [r] = await ingest(makeAlert({ person: { name: person.name, phone: openPhone(seeded.phoneSealed) } }));
    expect(r).toMatchObject({ outcome: "created", joinedAlertId: expect.any(String) });
    const joined = await db.alert.findUniqueOrThrow({ where: { id: (r as { joinedAlertId: string }).joinedAlertId } });
    expect(joined.personId).toBe(seeded.personId);
  });
});

describe("linking persons", () => {
  it("the same phone is one person; missing ID number and address are filled in, never overwritten", async () => {
    const phone = uniquePhone();
    const idNumber = uniqueIdNumber();
    const [a] = await ingest(makeAlert({ person: { name: "褚五", phone } }));
    const personId = (await alertRow(createdId(a))).personId;
    expect(await personData(personId)).toMatchObject({ idNumber: null, address: null });

    await ingest(makeAlert({ detectedAt: hoursAgo(80), person: { name: "褚五", phone: `0086${phone}`, idNumber, address: "江州市第一个地址" } }));
    expect(await personData(personId)).toMatchObject({ name: "褚五", idNumber, address: "江州市第一个地址" });

    await ingest(makeAlert({ detectedAt: hoursAgo(90), person: { name: "别的名字", phone, idNumber: uniqueIdNumber(), address: "江州市第二个地址" } }));
    expect(await personData(personId)).toMatchObject({ name: "褚五", idNumber, address: "江州市第一个地址" });
    expect(await personsWithPhone(phone)).toBe(1);
    expect((await personData(personId)).phones).toEqual([phone]);
  });

  it("the same ID number with another phone links to the same person, who gains that phone; the alert keeps its own number", async () => {
    const phone = uniquePhone();
    const idNumber = uniqueIdNumber();
    const [a] = await ingest(makeAlert({ person: { name: "卫六", phone, idNumber } }));
    const personId = (await alertRow(createdId(a))).personId;
    const otherPhone = uniquePhone();
    const [b] = await ingest(makeAlert({ person: { name: "卫六", phone: otherPhone, idNumber, address: "江州市卫家" } }));
    expect(b).toMatchObject({ joinedAlertId: createdId(a) });
    expect((await alertRow(createdId(b))).personId).toBe(personId);
    expect(await personData(personId)).toMatchObject({ phones: [phone, otherPhone], address: "江州市卫家" });
    expect(await personsWithPhone(otherPhone)).toBe(1);
    // Each alert keeps the number it arrived with: the analyst calls the one the warning is about.
    expect(openPhone((await alertRow(createdId(a))).phoneSealed)).toBe(phone);
    expect(openPhone((await alertRow(createdId(b))).phoneSealed)).toBe(otherPhone);
    // A later alert on the new number links by phone now.
    const [c] = await ingest(makeAlert({ detectedAt: hoursAgo(100), person: { name: "卫六", phone: otherPhone } }));
    expect((await alertRow(createdId(c))).personId).toBe(personId);
    const created = await db.alertEvent.findFirstOrThrow({ where: { alertId: createdId(b), kind: "CREATED" } });
    expect(created.data).toMatchObject({ personLinkedBy: "idNumber" });
  });

  it("inside one batch, two phones with one ID number are one (new) person", async () => {
    const idNumber = uniqueIdNumber();
    const [a, b] = await ingest(
      makeAlert({ person: { name: "蒋七", phone: uniquePhone(), idNumber } }),
      makeAlert({ person: { name: "蒋七", phone: uniquePhone(), idNumber } }),
    );
    expect((await alertRow(createdId(a))).personId).toBe((await alertRow(createdId(b))).personId);
    expect(await db.person.count({ where: { idNumberIndex: idNumberIndex(idNumber) } })).toBe(1);
  });
});
