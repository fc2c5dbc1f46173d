// `npm run bench [-- options]`: the console's performance against its targets, on the built app
// (scripts/serve.mjs, as `npm start`) and a database of ≥ 1M alerts. What is measured and why:
// docs/decisions/008-benchmarks.md.
// Options: bench/lib/options.ts (`npm run bench -- --help`).
//
// A benchmark is not a test: nothing here asserts wall time. It does check correctness, and a
// measurement whose correctness check fails is reported as "incorrect", never as met.
import { randomBytes } from "node:crypto";
import { watchCpu, type CpuUse } from "./lib/cpu";
import { AlertGenerator, allocatePhoneSlot, loadRoutingContext } from "./lib/alert-generator";
import { checkpoint, databaseStats, loadCityInfo, openBenchDatabase, postgresInfo, type BenchDatabase } from "./lib/database";
import { ensureInstructionData, instructionStats, type InstructionData, type InstructionStats } from "./lib/instruction-data";
import { ensureDispatchableAlerts, measureDispatch, measureSweep, measureViews } from "./lib/measure-chain";
import { measureClaim } from "./lib/measure-claim";
import { measureCopy } from "./lib/measure-copy";
import { measureBatch, measureSingle } from "./lib/measure-ingest";
import { measureQueue } from "./lib/measure-queue";
import { measureLighthouse } from "./lib/measure-lighthouse";
import { ensureFileableAlerts, measureFiled, measureMoneyView, MONEY_MIN_REQUESTS, moneyStats, type MoneyStats } from "./lib/measure-money";
import { CHAIN_MEASUREMENTS, MONEY_MEASUREMENTS, parseOptions } from "./lib/options";
import { cpuPerUnit, judge, machineInfo, printCpu, printCpuPerUnit, printLighthouseFindings, printTable, TARGETS, writeResults, type Results } from "./lib/report";
import { BENCH_DIST_DIR, buildApp, buildIsStale, startApp, type AppServer } from "./lib/server";

import { applyBenchPiiKeys } from "./lib/pii-keys";

// Before anything starts: the seed, the app server and this process seal people with the same keys.
applyBenchPiiKeys();
const opts = parseOptions(process.argv.slice(2));
const startedAt = new Date();
const t0 = performance.now();
const log = (line: string) => {
  const s = Math.round((performance.now() - t0) / 1000);
  console.log(`[bench ${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}] ${line}`);
};

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    await app?.stop().catch((e: unknown) => log(`could not stop the app server: ${String(e)}`));
    await database?.close().catch((e: unknown) => log(`could not close the database: ${String(e)}`));
  })());
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  log(`options: ${opts.quick ? "--quick, " : ""}${opts.alerts.toLocaleString("en-US")} alerts, database ${opts.dbName}${opts.reuse ? " (reuse)" : ""}, port ${opts.port}`);

  // 1. The app, built as deployed (its own dist folder; rebuilt when sources are newer).
  const stale = opts.build ? { stale: true, reason: "--build" } : await buildIsStale();
  let buildSeconds: number | null = null;
  if (stale.stale && opts.noBuild) {
    if (stale.reason.startsWith("no ")) throw new Error(`--no-build, but there is ${stale.reason}`);
    log(`next build: skipped (--no-build) although ${stale.reason}: measuring the existing build`);
  } else if (stale.stale) {
    log(`next build into ${BENCH_DIST_DIR} (${stale.reason})…`);
    buildSeconds = await buildApp(log);
  } else log(`next build: ${BENCH_DIST_DIR} is current`);

  // 2. The database: ≥ 1M alerts of the demo city.
  database = await openBenchDatabase(opts, log);
  const city = await loadCityInfo(database.url);
  const pg = await postgresInfo(database.url);
  const before = await databaseStats(database.url);
  log(
    `database ${database.name}: ${before.alerts.toLocaleString("en-US")} alerts (${before.openAlerts.toLocaleString("en-US")} open), ` +
      `${before.persons.toLocaleString("en-US")} persons, ${(before.sizeBytes / 2 ** 30).toFixed(2)} GiB` +
      (database.seedSeconds !== null ? `; seeded in ${database.seedSeconds.toFixed(0)} s` : "; reused"),
  );
  if (before.alerts < opts.alerts) log(`note: fewer alerts than --alerts ${opts.alerts} (a reused database is used as it is)`);

  // The dispatch chain's data: ≥ 1M instructions and the sweep city's backlog, made once per database.
  let chain: { data: InstructionData; before: InstructionStats } | undefined;
  if (CHAIN_MEASUREMENTS.some((m) => opts.only.has(m))) {
    const data = await ensureInstructionData(database.url, city.cityId, { instructions: opts.instructions, openInstructions: opts.openInstructions }, log);
    const stats = await instructionStats(database.url, city.cityId, data.sweepCityId);
    chain = { data, before: stats };
    log(
      `instructions: ${stats.cityInstructions.toLocaleString("en-US")} in the demo city (${stats.cityOpen.toLocaleString("en-US")} open), ` +
        `${stats.sweepOpen.toLocaleString("en-US")} running in the sweep city; T0 ${data.t0.toISOString()}` +
        (data.generatedSeconds !== null ? `; made in ${data.generatedSeconds.toFixed(0)} s` : "; reused"),
    );
    if (stats.cityInstructions < opts.instructions) log(`note: fewer instructions than --instructions ${opts.instructions} (a reused database is used as it is)`);
  }

  // The money workflow's data: the seed's bank requests, counted (the target holds with ≥ 200k).
  let money: MoneyStats | undefined;
  if (MONEY_MEASUREMENTS.some((m) => opts.only.has(m))) {
    money = await moneyStats(database.url, city.cityId);
    log(
      `bank requests: ${money.requests.toLocaleString("en-US")} in the demo city (${money.openAtDesks.toLocaleString("en-US")} open at the desks), ` +
        `${money.cases.toLocaleString("en-US")} cases, ${money.transfers.toLocaleString("en-US")} transfers, ${money.returns.toLocaleString("en-US")} return entries`,
    );
    if (!money.preconditionMet) {
      log(
        `note: the money targets hold with ≥ ${MONEY_MIN_REQUESTS.toLocaleString("en-US")} bank requests; this database has ${money.requests.toLocaleString("en-US")}: ` +
          `precondition not met (the numbers are measured, but cannot meet the targets; seed more alerts or --money-factor)`,
      );
    }
  }

  // 3. The server.
  app = await startApp({ port: opts.port, databaseUrl: database.url, poolSize: opts.poolSize, logLevel: opts.logLevel }, log);
  const workerEnv = { databaseUrl: database.url, authSecret: app.authSecret, poolSize: opts.poolSize };

  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const routing = await loadRoutingContext(database.url, city.cityId);
  const generator = new AlertGenerator(routing, runId, await allocatePhoneSlot(database.url));
  const ctx = { baseUrl: app.baseUrl, url: database.url, sourceId: city.sourceId, runId, watchCpu: () => watchCpu(() => app?.pid, database?.name) };
  log(`run ${runId}: ${routing.stations.length} stations, ${routing.communities.length} communities usable for address routing`);

  const results: Results = {};
  const cpu: Record<string, CpuUse | null> = {};
  const measure = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    await checkpoint(database!.url);
    const stop = watchCpu(() => app?.pid, database!.name);
    const result = await fn();
    cpu[name] = stop();
    return result;
  };
  if (opts.only.has("copy") || opts.only.has("batch")) {
    const alerts = Array.from({ length: opts.batchRequests * opts.batchSize }, () => generator.next("B"));
    log(`COPY reference: ${alerts.length.toLocaleString("en-US")} rows…`);
    const url = database.url;
    results.copy = await measure("copy", () => measureCopy(url, alerts, { cityId: city.cityId, sourceId: city.sourceId }));
    log(`  ${results.copy.reference.rowsPerSecond.toLocaleString("en-US")} rows/s (temp, no indexes); ${results.copy.indexed.rowsPerSecond.toLocaleString("en-US")} rows/s (unlogged, indexed)`);
    if (opts.only.has("batch")) {
      log(`batch ingestion: ${opts.batchRequests} × ${opts.batchSize} alerts, ${opts.batchConcurrency} in flight…`);
      results.batch = await measure("batch", () => measureBatch(ctx, generator, alerts, { batchSize: opts.batchSize, concurrency: opts.batchConcurrency }, log));
      log(`  ${results.batch.alertsPerSecond.toLocaleString("en-US")} alerts/s, p95 ${results.batch.latency.p95Ms} ms per request; correct: ${results.batch.verification.ok}`);
    }
  }
  if (opts.only.has("single")) {
    log(`single-alert POSTs: ${opts.singleConnections} connections, ${opts.singleSeconds} s…`);
    results.single = await measure("single", () => measureSingle(ctx, generator, { connections: opts.singleConnections, seconds: opts.singleSeconds }, log));
    log(`  ${results.single.requestsPerSecond} req/s, p95 ${results.single.latency.p95Ms} ms; correct: ${results.single.verification.ok}`);
  }
  if (opts.only.has("claim")) {
    log(`claims: ${opts.analysts} analysts × ${opts.claimsEach}…`);
    results.claim = await measure("claim", () => measureClaim(workerEnv, { runId, analysts: opts.analysts, claimsEach: opts.claimsEach }));
    log(`  p95 ${results.claim.latency.p95Ms} ms, ${results.claim.claimsPerSecond} claims/s; correct: ${results.claim.verification.ok}`);
  }
  if (opts.only.has("queue")) {
    log(`queue page: ${opts.queueConnections} connections, ${opts.queueSeconds} s…`);
    results.queue = await measure("queue", () =>
      measureQueue(ctx, workerEnv, { connections: opts.queueConnections, seconds: opts.queueSeconds, queryRuns: opts.queueQueryRuns }),
    );
    log(`  p95 ${results.queue.latency.p95Ms} ms (query alone p95 ${results.queue.inProcess.query.p95Ms} ms); correct: ${results.queue.verification.ok}`);
  }
  for (const view of ["inbox", "district"] as const) {
    if (!opts.only.has(view)) continue;
    log(`${view === "inbox" ? "station inbox" : "district view"}: ${opts.viewConnections} in flight, ${opts.viewSeconds} s…`);
    const res = await measure(view, () => measureViews(database!.url, workerEnv, { runId, cityId: city.cityId, view, connections: opts.viewConnections, seconds: opts.viewSeconds }));
    results[view] = res;
    log(`  p95 ${res.latency.p95Ms} ms, ${res.callsPerSecond} lists/s, ${res.items.mean} items on average; correct: ${res.verification.ok}`);
  }
  if (opts.only.has("sweep") && chain) {
    log(`supervision sweep: first at T0, then ${opts.steadySweeps} more, 30 s apart…`);
    const data = chain.data;
    results.sweep = await measure("sweep", () => measureSweep(database!.url, workerEnv, data, { runId, steadySweeps: opts.steadySweeps }, log));
    const f = results.sweep.first;
    log(`  first ${f.ms} ms in ${f.calls} calls (due: ${JSON.stringify(f.due)}); steady max ${results.sweep.steadyLatency.maxMs} ms; correct: ${results.sweep.verification.ok}`);
  }
  if (opts.only.has("dispatch")) {
    log(`dispatch → inbox: ${opts.dispatchers} analysts × ${opts.dispatchesEach}…`);
    await ensureDispatchableAlerts({ baseUrl: app.baseUrl, url: database.url, cityId: city.cityId }, generator, opts.dispatchers * (opts.dispatchesEach + 1), log);
    results.dispatch = await measure("dispatch", () =>
      measureDispatch(database!.url, workerEnv, { runId, cityId: city.cityId, dispatchers: opts.dispatchers, each: opts.dispatchesEach }),
    );
    log(`  p95 ${results.dispatch.visible.p95Ms} ms until visible (dispatch alone p95 ${results.dispatch.dispatch.p95Ms} ms); correct: ${results.dispatch.verification.ok}`);
  }

  if (money) {
    const requests = money.requests;
    for (const view of ["desk", "case"] as const) {
      if (!opts.only.has(view)) continue;
      log(`${view === "desk" ? "bank desk" : "case page"}: ${opts.viewConnections} in flight, ${opts.viewSeconds} s…`);
      const res = await measure(view, () =>
        measureMoneyView(database!.url, workerEnv, { runId, cityId: city.cityId, view, connections: opts.viewConnections, seconds: opts.viewSeconds, cases: opts.caseSample, requests }),
      );
      results[view] = res;
      log(`  p95 ${res.latency.p95Ms} ms, ${res.callsPerSecond} calls/s, ${res.items.mean} rows on average; correct: ${res.verification.ok}`);
    }
    if (opts.only.has("filed")) {
      log(`filed stop → bank's desk: ${opts.filers} analysts × ${opts.filingsEach}…`);
      await ensureFileableAlerts({ baseUrl: app.baseUrl, url: database.url, cityId: city.cityId }, generator, opts.filers * (opts.filingsEach + 1), log);
      results.filed = await measure("filed", () =>
        measureFiled(database!.url, workerEnv, { runId, cityId: city.cityId, filers: opts.filers, each: opts.filingsEach, requests }),
      );
      log(`  p95 ${results.filed.visible.p95Ms} ms until on the desk (fileStop alone p95 ${results.filed.file.p95Ms} ms); correct: ${results.filed.verification.ok}`);
    }
  }

  if (opts.only.has("lighthouse")) {
    log(`lighthouse: inbox and alert page (mobile), queue (desktop), ${opts.lighthouseRuns} runs each…`);
    results.lighthouse = await measure("lighthouse", () =>
      measureLighthouse({ baseUrl: app!.baseUrl, url: database!.url, cityId: city.cityId }, { runs: opts.lighthouseRuns, target: TARGETS.lighthouseScore }, log),
    );
    log(`  scores ${results.lighthouse.pages.map((p) => `${p.page} ${p.score}`).join(", ")}; correct: ${results.lighthouse.verification.ok}`);
  }

  const after = await databaseStats(database.url);
  const verdicts = judge(results);
  const finishedAt = new Date();
  console.log("");
  printTable(results, verdicts, (line) => console.log(line));
  printLighthouseFindings(results.lighthouse, (line) => console.log(line));
  printCpu(
    {
      ...cpu,
      "single (load only)": results.single?.cpu ?? null,
      "queue (load only)": results.queue?.cpu ?? null,
      "inbox (load only)": results.inbox?.cpu ?? null,
      "district (load only)": results.district?.cpu ?? null,
      "sweep (first only)": results.sweep?.first.cpu ?? null,
      "dispatch (load only)": results.dispatch?.cpu ?? null,
      "desk (load only)": results.desk?.cpu ?? null,
      "case (load only)": results.case?.cpu ?? null,
      "filed (load only)": results.filed?.cpu ?? null,
    },
    (line) => console.log(line),
  );
  const perUnit = cpuPerUnit(results, cpu);
  printCpuPerUnit(perUnit, (line) => console.log(line));
  const file = writeResults(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((performance.now() - t0) / 1000),
      runId,
      quick: opts.quick,
      machine: machineInfo(pg, database.source),
      app: { server: "scripts/serve.mjs", distDir: BENCH_DIST_DIR, buildSeconds, buildStale: stale.stale && opts.noBuild, dbPoolSize: opts.poolSize, logLevel: opts.logLevel },
      database: {
        name: database.name,
        reused: database.reused,
        seedSeconds: database.seedSeconds === null ? null : Math.round(database.seedSeconds),
        before,
        after,
        instructions: chain
          ? { t0: chain.data.t0.toISOString(), generatedSeconds: chain.data.generatedSeconds === null ? null : Math.round(chain.data.generatedSeconds), before: chain.before }
          : null,
        money: money ? { ...money, minRequests: MONEY_MIN_REQUESTS } : null,
      },
      options: { ...opts, only: [...opts.only] },
      targets: TARGETS,
      verdicts,
      results,
      cpu,
      cpuPerUnit: perUnit,
    },
    startedAt,
  );
  console.log(`\nresults: ${file} (and bench/results/latest.json); ${Math.round((performance.now() - t0) / 1000)} s in all`);
  if (Object.values(verdicts).includes("incorrect")) exitCode = 1;
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
