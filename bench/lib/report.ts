// The verdicts against the issue's targets, a table on the terminal, and the JSON record under
// bench/results/ (git-ignored; latest.json is the last run).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CpuUse } from "./cpu";
import type { ClaimResult } from "./measure-claim";
import type { CopyResult } from "./measure-copy";
import type { BatchResult, SingleResult } from "./measure-ingest";
import type { DispatchResult, SweepMeasureResult, ViewsResult } from "./measure-chain";
import type { FiledResult, MoneyViewMeasureResult } from "./measure-money";
import { MONEY_MIN_REQUESTS } from "./measure-money";
import type { QueueResult } from "./measure-queue";
import type { LighthousePageName, LighthouseResult } from "./measure-lighthouse";

export const TARGETS = {
  batchShareOfCopy: 0.1,
  singleRequestsPerSecond: 300,
  singleP95Ms: 100,
  claimP95Ms: 50,
  queuePageP95Ms: 100,
  inboxP95Ms: 100,
  districtP95Ms: 100,
  /** The first sweep of the backlog (until nothing is left), and each steady-state sweep (separate verdicts). */
  sweepMs: 1000,
  dispatchVisibleP95Ms: 1000,
  /** The money workflow's, with ≥ 200k bank requests (MONEY_MIN_REQUESTS). */
  deskP95Ms: 100,
  caseP95Ms: 100,
  filedVisibleP95Ms: 1000,
  /** Lighthouse performance score (0–100), each page: inbox and alert page mobile, queue desktop. */
  lighthouseScore: 95,
} as const;

/** "precondition not met": the numbers were measured on fewer bank requests than the target names. */
export type Verdict = "met" | "not met" | "incorrect" | "not run" | "precondition not met";

export interface Results {
  copy?: CopyResult;
  batch?: BatchResult;
  single?: SingleResult;
  claim?: ClaimResult;
  queue?: QueueResult;
  inbox?: ViewsResult;
  district?: ViewsResult;
  sweep?: SweepMeasureResult;
  dispatch?: DispatchResult;
  desk?: MoneyViewMeasureResult;
  case?: MoneyViewMeasureResult;
  filed?: FiledResult;
  lighthouse?: LighthouseResult;
}

export interface Verdicts {
  batch: Verdict;
  single: Verdict;
  claim: Verdict;
  queue: Verdict;
  inbox: Verdict;
  district: Verdict;
  /** The first sweep over the backlog: everything due at T0, until nothing is left. */
  sweep: Verdict;
  /** The sweeps every 30 s after it. */
  sweepSteady: Verdict;
  dispatch: Verdict;
  desk: Verdict;
  case: Verdict;
  filed: Verdict;
  lighthouseInbox: Verdict;
  lighthouseAlert: Verdict;
  lighthouseQueue: Verdict;
}

export function judge(r: Results): Verdicts {
  const v = (ran: boolean, correct: boolean, met: boolean): Verdict => (!ran ? "not run" : !correct ? "incorrect" : met ? "met" : "not met");
  return {
    batch: v(
      !!r.batch && !!r.copy,
      !!r.batch?.verification.ok,
      !!r.batch && !!r.copy && r.batch.alertsPerSecond >= TARGETS.batchShareOfCopy * r.copy.reference.rowsPerSecond,
    ),
    single: v(
      !!r.single,
      !!r.single?.verification.ok,
      !!r.single && r.single.requestsPerSecond >= TARGETS.singleRequestsPerSecond && r.single.latency.p95Ms <= TARGETS.singleP95Ms,
    ),
    claim: v(!!r.claim, !!r.claim?.verification.ok, !!r.claim && r.claim.latency.p95Ms <= TARGETS.claimP95Ms),
    queue: v(!!r.queue, !!r.queue?.verification.ok, !!r.queue && r.queue.latency.p95Ms <= TARGETS.queuePageP95Ms),
    inbox: v(!!r.inbox, !!r.inbox?.verification.ok, !!r.inbox && r.inbox.latency.p95Ms <= TARGETS.inboxP95Ms),
    district: v(!!r.district, !!r.district?.verification.ok, !!r.district && r.district.latency.p95Ms <= TARGETS.districtP95Ms),
    sweep: v(!!r.sweep, !!r.sweep?.verification.ok, !!r.sweep && r.sweep.first.ms <= TARGETS.sweepMs),
    sweepSteady: v(!!r.sweep && r.sweep.steady.length > 0, !!r.sweep?.verification.ok, !!r.sweep && r.sweep.steady.every((s) => s.ms <= TARGETS.sweepMs)),
    dispatch: v(!!r.dispatch, !!r.dispatch?.verification.ok, !!r.dispatch && r.dispatch.visible.p95Ms <= TARGETS.dispatchVisibleP95Ms),
    desk: money(r.desk, (d) => d.latency.p95Ms <= TARGETS.deskP95Ms),
    case: money(r.case, (c) => c.latency.p95Ms <= TARGETS.caseP95Ms),
    filed: money(r.filed, (f) => f.visible.p95Ms <= TARGETS.filedVisibleP95Ms),
    [LIGHTHOUSE_VERDICT.inbox]: lighthouse(r.lighthouse, "inbox"),
    [LIGHTHOUSE_VERDICT.alert]: lighthouse(r.lighthouse, "alert"),
    [LIGHTHOUSE_VERDICT.queue]: lighthouse(r.lighthouse, "queue"),
  };
}

/** A money verdict: met only on ≥ 200k requests; with fewer, a number within the target says nothing. */
function money<T extends { verification: { ok: boolean }; requests: number }>(res: T | undefined, within: (res: T) => boolean): Verdict {
  if (!res) return "not run";
  if (!res.verification.ok) return "incorrect";
  if (!within(res)) return "not met";
  return res.requests >= MONEY_MIN_REQUESTS ? "met" : "precondition not met";
}

const LIGHTHOUSE_VERDICT = { inbox: "lighthouseInbox", alert: "lighthouseAlert", queue: "lighthouseQueue" } as const satisfies Record<LighthousePageName, keyof Verdicts>;

/** A page's Lighthouse verdict: any run that did not load the page as its user makes all three incorrect. */
function lighthouse(res: LighthouseResult | undefined, page: LighthousePageName): Verdict {
  const p = res?.pages.find((x) => x.page === page);
  if (!res || !p) return "not run";
  if (!res.verification.ok) return "incorrect";
  return p.score >= TARGETS.lighthouseScore ? "met" : "not met";
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const ms = (x: number) => `${x.toFixed(1)} ms`;

export function printTable(r: Results, verdicts: Verdicts, print: (line: string) => void): void {
  const rows: [string, string, string, string][] = [["Measurement", "Result", "Target", "Verdict"]];
  if (r.copy) {
    rows.push([`COPY reference (${n(r.copy.reference.rows)} rows, temp table, no indexes)`, `${n(r.copy.reference.rowsPerSecond)} rows/s`, "reference", ""]);
    rows.push(["COPY into unlogged table with alert's indexes", `${n(r.copy.indexed.rowsPerSecond)} rows/s`, "information", ""]);
  }
  if (r.batch) {
    const share = r.copy ? (100 * r.batch.alertsPerSecond) / r.copy.reference.rowsPerSecond : Number.NaN;
    rows.push([
      `Batch ingestion (${r.batch.requests} × ${r.batch.batchSize}, ${r.batch.concurrency} in flight)`,
      `${n(r.batch.alertsPerSecond)} alerts/s = ${share.toFixed(1)} % of COPY; per request p50 ${ms(r.batch.latency.p50Ms)}, p95 ${ms(r.batch.latency.p95Ms)}, p99 ${ms(r.batch.latency.p99Ms)}`,
      `≥ ${TARGETS.batchShareOfCopy * 100} % of COPY`,
      verdicts.batch,
    ]);
  }
  if (r.single) {
    rows.push([
      `Single-alert POSTs (${r.single.connections} connections, ${r.single.seconds.toFixed(0)} s)`,
      `${r.single.requestsPerSecond.toFixed(0)} req/s; p50 ${ms(r.single.latency.p50Ms)}, p95 ${ms(r.single.latency.p95Ms)}, p99 ${ms(r.single.latency.p99Ms)}; non-2xx ${r.single.status.non2xx}`,
      `≥ ${TARGETS.singleRequestsPerSecond} req/s, p95 ≤ ${TARGETS.singleP95Ms} ms`,
      verdicts.single,
    ]);
  }
  if (r.claim) {
    rows.push([
      `Claim (${r.claim.analysts} analysts at once, ${r.claim.claims} claims)`,
      `p50 ${ms(r.claim.latency.p50Ms)}, p95 ${ms(r.claim.latency.p95Ms)}, p99 ${ms(r.claim.latency.p99Ms)}; ${n(r.claim.claimsPerSecond)} claims/s; contended: ${r.claim.contention.winners}/${r.claim.contention.alerts} single winners, p95 ${ms(r.claim.contention.latency.p95Ms)}`,
      `p95 ≤ ${TARGETS.claimP95Ms} ms`,
      verdicts.claim,
    ]);
  }
  if (r.queue) {
    rows.push([
      `Queue page GET /queue (${r.queue.connections} connections, ${r.queue.seconds.toFixed(0)} s)`,
      `p50 ${ms(r.queue.latency.p50Ms)}, p95 ${ms(r.queue.latency.p95Ms)}, p99 ${ms(r.queue.latency.p99Ms)}; ${r.queue.requestsPerSecond.toFixed(0)} pages/s`,
      `p95 ≤ ${TARGETS.queuePageP95Ms} ms`,
      verdicts.queue,
    ]);
    rows.push([
      "  its query alone (listTriageQueue, 1 at a time)",
      `p50 ${ms(r.queue.inProcess.query.p50Ms)}, p95 ${ms(r.queue.inProcess.query.p95Ms)}; all page reads p95 ${ms(r.queue.inProcess.pageData.p95Ms)}`,
      "information",
      "",
    ]);
  }
  for (const view of ["inbox", "district"] as const) {
    const res = r[view];
    if (!res) continue;
    rows.push([
      `${view === "inbox" ? "Station inbox" : "District view"} listInstructions(…, "${view}") (${res.connections} in flight, ${res.seconds.toFixed(0)} s, ${res.actors} ${view === "inbox" ? "officers" : "coordinators"})`,
      `p50 ${ms(res.latency.p50Ms)}, p95 ${ms(res.latency.p95Ms)}, p99 ${ms(res.latency.p99Ms)}; ${res.callsPerSecond.toFixed(0)} lists/s; ${res.items.mean} items on average (max ${res.items.max})`,
      `p95 ≤ ${view === "inbox" ? TARGETS.inboxP95Ms : TARGETS.districtP95Ms} ms`,
      verdicts[view],
    ]);
  }
  if (r.sweep) {
    const f = r.sweep.first;
    const marks = f.result.signOffOverdue + f.result.feedbackOverdue;
    rows.push([
      `Supervision sweep, first at T0: the backlog (${r.sweep.running.toLocaleString("en-US")} running instructions)`,
      `${ms(f.ms)} in ${f.calls} calls; ${n(marks)} overdue marks, ${n(f.result.escalated)} escalations, ${n(f.result.reminded)} reminders`,
      `≤ ${TARGETS.sweepMs} ms`,
      verdicts.sweep,
    ]);
    rows.push([
      `Supervision sweep, steady state (${r.sweep.steady.length} sweeps 30 s apart after it)`,
      `p50 ${ms(r.sweep.steadyLatency.p50Ms)}, max ${ms(r.sweep.steadyLatency.maxMs)}; ${n(r.sweep.steady.reduce((s, p) => s + p.result.signOffOverdue + p.result.feedbackOverdue + p.result.escalated + p.result.reminded, 0))} rows changed in all`,
      `each ≤ ${TARGETS.sweepMs} ms`,
      verdicts.sweepSteady,
    ]);
  }
  if (r.dispatch) {
    rows.push([
      `Dispatch → station's open inbox (${r.dispatch.dispatchers} analysts at once, ${r.dispatch.dispatches} dispatches)`,
      `p50 ${ms(r.dispatch.visible.p50Ms)}, p95 ${ms(r.dispatch.visible.p95Ms)}, p99 ${ms(r.dispatch.visible.p99Ms)}; the dispatch call alone p95 ${ms(r.dispatch.dispatch.p95Ms)}, an inbox re-read p95 ${ms(r.dispatch.refresh.p95Ms)}`,
      `p95 ≤ ${TARGETS.dispatchVisibleP95Ms} ms`,
      verdicts.dispatch,
    ]);
  }
  for (const [name, res, target] of [
    ["Bank desk getBankDesk(liaison)", r.desk, TARGETS.deskP95Ms],
    ["Case page getCase(analyst, case)", r.case, TARGETS.caseP95Ms],
  ] as const) {
    if (!res) continue;
    rows.push([
      `${name} (${res.connections} in flight, ${res.seconds.toFixed(0)} s, ${res.subjects} ${res.view === "desk" ? "desks" : "cases"}; ${n(res.requests)} requests)`,
      `p50 ${ms(res.latency.p50Ms)}, p95 ${ms(res.latency.p95Ms)}, max ${ms(res.latency.maxMs)}; ${res.callsPerSecond.toFixed(0)} calls/s; ${res.items.mean} rows on average (max ${res.items.max})`,
      `p95 ≤ ${target} ms (≥ ${n(MONEY_MIN_REQUESTS)} requests)`,
      verdicts[res.view],
    ]);
  }
  if (r.filed) {
    rows.push([
      `Filed stop → bank's open desk (${r.filed.filers} analysts at once, ${r.filed.filings} stops, ${r.filed.desks} desks; ${n(r.filed.requests)} requests)`,
      `p50 ${ms(r.filed.visible.p50Ms)}, p95 ${ms(r.filed.visible.p95Ms)}, max ${ms(r.filed.visible.maxMs)}; fileStop alone p95 ${ms(r.filed.file.p95Ms)}, a desk re-read p95 ${ms(r.filed.refresh.p95Ms)}`,
      `p95 ≤ ${TARGETS.filedVisibleP95Ms} ms (≥ ${n(MONEY_MIN_REQUESTS)} requests)`,
      verdicts.filed,
    ]);
  }
  for (const p of r.lighthouse?.pages ?? []) {
    const m = p.metrics;
    const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;
    rows.push([
      `Lighthouse ${p.formFactor} ${p.page === "alert" ? "/alerts/…" : p.path} (${p.username}; ${p.runs.length} runs)`,
      `score ${p.score} (runs ${p.runs.map((x) => x.score).join(", ")}); FCP ${sec(m.fcpMs)}, LCP ${sec(m.lcpMs)}, TBT ${m.tbtMs} ms, CLS ${m.cls}, SI ${sec(m.siMs)}`,
      `≥ ${TARGETS.lighthouseScore}`,
      verdicts[LIGHTHOUSE_VERDICT[p.page]],
    ]);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => [...row[c]!].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell + " ".repeat(widths[c]! - [...cell].length)).join(" │ ");
  print(line(rows[0]!));
  print(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const row of rows.slice(1)) print(line(row));

  for (const [name, res] of Object.entries(r) as [string, { verification?: { ok: boolean; problems: string[] } }][]) {
    if (res.verification && !res.verification.ok) print(`✖ ${name}: correctness check failed: ${res.verification.problems.join("; ")}`);
  }
}

/** Where a page's time goes, for each page below the Lighthouse target: its facts and top findings. */
export function printLighthouseFindings(res: LighthouseResult | undefined, print: (line: string) => void): void {
  for (const p of res?.pages ?? []) {
    if (p.score >= TARGETS.lighthouseScore) continue;
    const f = p.facts;
    const kb = (b: number | null) => (b === null ? "?" : `${Math.round(b / 1024)} KiB`);
    print("");
    print(`Lighthouse ${p.page} (${p.formFactor}, ${p.about}): score ${p.score} < ${TARGETS.lighthouseScore}. Median run:`);
    print(
      `  server response ${f.serverResponseMs ?? "?"} ms; transferred ${kb(f.totalBytes)} (document ${kb(f.documentBytes)}, ${f.scripts} scripts ${kb(f.scriptBytes)}); ` +
        `main thread ${f.mainThreadMs ?? "?"} ms; benchmark index ${f.benchmarkIndex ?? "?"} (runs: ${p.runs.map((x) => `${x.score} at ${Math.round(x.benchmarkIndex ?? 0)}`).join(", ")})`,
    );
    print(
      `  requests: ${Object.entries(f.requests).map(([type, count]) => `${count} ${type}`).join(", ")}; of them ${f.routerFetches} router fetches (?_rsc=, <Link> prefetches)`,
    );
    if (f.lcpElement) print(`  LCP element: ${f.lcpElement.slice(0, 160)}`);
    for (const finding of p.findings.slice(0, 8)) {
      const saves = [
        finding.savings.ms ? `saves ~${Math.round(finding.savings.ms)} ms` : "",
        finding.savings.bytes ? `~${Math.round(finding.savings.bytes / 1024)} KiB` : "",
        Object.keys(finding.savings.byMetric).length ? `(${Object.entries(finding.savings.byMetric).map(([k, v]) => `${k} ${k === "CLS" ? v.toFixed(3) : Math.round(v)}`).join(", ")})` : "",
      ].filter(Boolean);
      print(`  - ${finding.title}${finding.displayValue ? `: ${finding.displayValue}` : ""}${saves.length ? ` — ${saves.join(" ")}` : ""}`);
      for (const item of finding.items) if (item) print(`      ${item}`);
    }
    for (const w of p.warnings) print(`  warning: ${w}`);
  }
}

export function printCpu(cpu: Record<string, CpuUse | null>, print: (line: string) => void): void {
  const cores = os.availableParallelism();
  print("");
  print(`CPU during each measurement (cores busy of ${cores}; load generator and claim/queue worker = bench; in the dispatch chain's lines the worker running the domain code = app):`);
  for (const [name, c] of Object.entries(cpu)) {
    if (!c) continue;
    print(
      `  ${name.padEnd(22)} ${c.total.toFixed(2)} busy: app ${c.app.toFixed(2)}, postgres ${c.postgres.toFixed(2)}` +
        (c.postgresBenchDb !== null && c.postgresBenchDb !== undefined ? ` (bench database ${c.postgresBenchDb.toFixed(2)})` : "") +
        ", " +
        `bench ${c.bench.toFixed(2)}, other processes ${c.other.toFixed(2)} (${c.seconds} s; load average ${c.loadAverage1m.before} → ${c.loadAverage1m.after})`,
    );
  }
}

/**
 * CPU time per unit of work (ms of one core): the figure to hold against the cores available.
 * With app + postgres at c ms per alert, 2 cores can never do more than 2000 / c alerts a second.
 */
export interface CpuPerUnit {
  unit: string;
  appMs: number;
  postgresMs: number;
  /** The bench database's backends only (without other users of a shared server), when known. */
  postgresBenchDbMs: number | null;
  ceilingPerSecondOn2Cores: number;
}

export function cpuPerUnit(r: Results, cpu: Record<string, CpuUse | null>): Record<string, CpuPerUnit> {
  const out: Record<string, CpuPerUnit> = {};
  const add = (name: string, unit: string, c: CpuUse | null | undefined, units: number | undefined) => {
    if (!c || !units) return;
    const per = (cores: number) => Math.round(((cores * c.seconds * 1000) / units) * 100) / 100;
    const appMs = per(c.app);
    const postgresMs = per(c.postgres);
    const postgresBenchDbMs = c.postgresBenchDb === null || c.postgresBenchDb === undefined ? null : per(c.postgresBenchDb);
    out[name] = { unit, appMs, postgresMs, postgresBenchDbMs, ceilingPerSecondOn2Cores: Math.round(2000 / (appMs + postgresMs)) };
  };
  add("batch", "alert", cpu.batch, r.batch?.alerts);
  add("single", "request", r.single?.cpu, r.single?.requests);
  add("queue", "page", r.queue?.cpu, r.queue?.requests);
  add("inbox", "list", r.inbox?.cpu, r.inbox?.calls);
  add("district", "list", r.district?.cpu, r.district?.calls);
  const f = r.sweep?.first;
  add("sweep", "row swept", f?.cpu, f ? f.result.signOffOverdue + f.result.feedbackOverdue + f.result.escalated + f.result.reminded : undefined);
  add("dispatch", "dispatch", r.dispatch?.cpu, r.dispatch?.dispatches);
  add("desk", "desk", r.desk?.cpu, r.desk?.calls);
  add("case", "case page", r.case?.cpu, r.case?.calls);
  add("filed", "stop filed", r.filed?.cpu, r.filed?.filings);
  return out;
}

export function printCpuPerUnit(per: ReturnType<typeof cpuPerUnit>, print: (line: string) => void): void {
  if (Object.keys(per).length === 0) return;
  print("CPU per unit of work (ms of one core; postgres: every PostgreSQL process, other users of a shared server included; its backends: the bench database's connections only):");
  for (const [name, u] of Object.entries(per)) {
    const own = u.postgresBenchDbMs === null ? "" : ` (its backends ${u.postgresBenchDbMs} ms)`;
    print(`  ${name.padEnd(8)} per ${u.unit}: app ${u.appMs} ms + postgres ${u.postgresMs} ms${own} → at most ~${u.ceilingPerSecondOn2Cores.toLocaleString("en-US")}/s on 2 cores`);
  }
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  platform: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  postgresSource: string;
}

export function machineInfo(postgres: { version: string; settings: Record<string, string> }, source: string): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgres.version,
    postgresSettings: postgres.settings,
    postgresSource: source,
  };
}

export function writeResults(record: Record<string, unknown>, startedAt: Date): string {
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const text = `${JSON.stringify(record, null, 2)}\n`;
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, "latest.json"), text);
  return file;
}
