// Where the CPU went during a measurement (Linux /proc; elsewhere nothing is reported). On a
// 2-core machine the load generator, the app and PostgreSQL share the same cores, and anything
// else running at the time takes from them too: this says how much each took, in cores.
import fs from "node:fs";
import os from "node:os";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuUse {
  seconds: number;
  /** Cores busy on average (0 … number of cores), by whom. */
  total: number;
  app: number;
  postgres: number;
  /**
   * Of `postgres`, the backends connected to the bench database (by their process title): what the
   * measured work cost PostgreSQL without the other users of a shared server. Background processes
   * (WAL writer, checkpointer) are not in it. Null when no database name was given.
   */
  postgresBenchDb: number | null;
  /** This process and its finished children (load generator, domain worker). */
  bench: number;
  other: number;
  loadAverage1m: { before: number; after: number };
}

interface Snapshot {
  at: number;
  busyTicks: number;
  /** Own CPU time plus that of finished children (a Postgres backend that exited lands in the postmaster's). */
  byPid: Map<number, { ticks: number; pgrp: number; comm: string; benchDb: boolean }>;
  benchTicks: number;
  load: number;
}

function readStat(pid: number | "self"): { ticks: number; childTicks: number; pgrp: number; comm: string } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const f = text.slice(close + 2).split(" "); // f[0] is field 3 (state)
    return { ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]), pgrp: Number(f[2]), comm };
  } catch {
    return null;
  }
}

/** A backend's title is "postgres: <cluster>: <user> <database> <client> <state>" (or "… autovacuum worker <database>"). */
function servesDatabase(pid: number, dbName: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\s\0]+/).includes(dbName);
  } catch {
    return false;
  }
}

function snapshot(dbName?: string): Snapshot | null {
  let cpuLine: string;
  try {
    cpuLine = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  } catch {
    return null;
  }
  const [, user, nice, system, , , irq, softirq, steal] = cpuLine.trim().split(/\s+/).map(Number);
  const byPid = new Map<number, { ticks: number; pgrp: number; comm: string; benchDb: boolean }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(Number(entry));
    const benchDb = !!dbName && s?.comm === "postgres" && servesDatabase(Number(entry), dbName);
    if (s) byPid.set(Number(entry), { ticks: s.ticks + s.childTicks, pgrp: s.pgrp, comm: s.comm, benchDb });
  }
  const self = readStat("self");
  return {
    at: performance.now(),
    busyTicks: user! + nice! + system! + irq! + softirq! + (steal ?? 0),
    byPid,
    benchTicks: self ? self.ticks + self.childTicks : 0,
    load: os.loadavg()[0]!,
  };
}

/** Starts watching; the returned function ends the window and reports it. */
export function watchCpu(appPid: () => number | undefined, dbName?: string): () => CpuUse | null {
  const start = snapshot(dbName);
  return () => {
    const end = snapshot(dbName);
    if (!start || !end) return null;
    const seconds = (end.at - start.at) / 1000;
    const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
    const app = appPid();
    let appTicks = 0;
    let pgTicks = 0;
    let pgBenchTicks = 0;
    for (const [pid, e] of end.byPid) {
      if (pid === process.pid) continue;
      const delta = e.ticks - (start.byPid.get(pid)?.ticks ?? 0);
      if (app !== undefined && e.pgrp === app) appTicks += delta;
      else if (e.comm === "postgres") {
        pgTicks += delta;
        if (e.benchDb) pgBenchTicks += delta;
      }
    }
    const total = end.busyTicks - start.busyTicks;
    const bench = end.benchTicks - start.benchTicks;
    return {
      seconds: Math.round(seconds * 10) / 10,
      total: cores(total),
      app: cores(appTicks),
      postgres: cores(pgTicks),
      postgresBenchDb: dbName ? cores(pgBenchTicks) : null,
      bench: cores(bench),
      other: cores(Math.max(0, total - appTicks - pgTicks - bench)),
      loadAverage1m: { before: Math.round(start.load * 100) / 100, after: Math.round(end.load * 100) / 100 },
    };
  };
}
