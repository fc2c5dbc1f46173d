// Once per integration run: find a real PostgreSQL, build two template databases (migrated;
// migrated + a small demo city and the second city), hand their names to the test files, and drop everything this
// run created at the end. Test files copy a template (CREATE DATABASE … TEMPLATE), which takes
// well under a second, so no file ever sees another's rows and nothing needs truncating.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { createDatabase, dropDatabase, findTestServer, withDatabase } from "../../scripts/lib/postgres.mjs";
import { applyMigrations } from "../../prisma/tools/apply-migrations";
import { applyTestPiiKeys } from "./pii-test-keys";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    emptyTemplate: string;
    demoTemplate: string;
    runPrefix: string;
    demoSeedNow: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await findTestServer({ log: () => {} });
  const runPrefix = `afc_t${randomBytes(4).toString("hex")}`;
  const emptyTemplate = `${runPrefix}_empty`;
  const demoTemplate = `${runPrefix}_demo`;
  const adminUrl = server.adminUrl;

  // The demo template is sealed with the test keys, which every test file then reads it with.
  applyTestPiiKeys();
  await createDatabase(adminUrl, emptyTemplate);
  await applyMigrations(withDatabase(adminUrl, emptyTemplate));
  await createDatabase(adminUrl, demoTemplate, { template: emptyTemplate });
  const demoSeedNow = new Date();
  const { seedDemoCity, seedSecondCity } = await import("../../prisma/seed/seed-demo-city");
  await seedDemoCity(withDatabase(adminUrl, demoTemplate), { alerts: 2000, now: demoSeedNow, log: () => {} });
  // A second city beside the demo city: every domain function is tried across cities.
  await seedSecondCity(withDatabase(adminUrl, demoTemplate), { alerts: 200, now: demoSeedNow, log: () => {} });

  project.provide("adminUrl", adminUrl);
  project.provide("emptyTemplate", emptyTemplate);
  project.provide("demoTemplate", demoTemplate);
  project.provide("runPrefix", runPrefix);
  project.provide("demoSeedNow", demoSeedNow.toISOString());

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${runPrefix}%`]);
    await client.end();
    // Copies first: a template cannot be dropped while copies are being made from it.
    for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length)) {
      await dropDatabase(adminUrl, datname);
    }
    await server.stop();
  };
}
