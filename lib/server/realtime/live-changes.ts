import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { z } from "zod";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// One LISTEN connection per server process, shared by every open live page of that process.
// PostgreSQL fans each NOTIFY out to every instance that listens, so several app instances each
// hear every change; this module only remembers who, in this process, wants to hear it.
//
// The trigger function `notify_live_change` (migration 20261203100000_live_channels) sends one
// notification per statement: {"t":topic,"k":["c:<city>","d:<district>","s:<station>","b:<bank>"]}
// (or the cities only, with "all": true, when the units would not fit). A notification names no
// record and no person, so it is safe to pass on to any browser whose jurisdiction it concerns.

const CHANNEL = "live_change";
/** Close the connection when nobody has listened for this long (page changes re-subscribe quickly). */
const IDLE_CLOSE_MS = 30_000;
/** Detects a connection that died without telling us (NAT, failover). */
const PING_EVERY_MS = 30_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

export type LiveChange =
  | { kind: "change"; topic: string; keys: string[]; all: boolean }
  /** The connection was lost and is back: notifications may have been missed, everyone refreshes. */
  | { kind: "resync" };

export type LiveChangeHandler = (change: LiveChange) => void;

const PayloadSchema = z.object({ t: z.string().max(40), k: z.array(z.string().max(80)), all: z.boolean().optional() });

class LiveChangeListener {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting = false;
  private everConnected = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  /** Waiting for the LISTEN to be in place (see `listening`). */
  private listeningWaiters: (() => void)[] = [];

  constructor() {
    // Every open browser tab is a listener; the default limit of 10 is a leak detector for
    // ordinary emitters, not for this one.
    this.emitter.setMaxListeners(0);
  }

  subscribe(handler: LiveChangeHandler): () => void {
    this.emitter.on("change", handler);
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.ensureConnected();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.emitter.off("change", handler);
      if (this.emitter.listenerCount("change") === 0 && !this.idleTimer) {
        this.idleTimer = setTimeout(() => {
          this.idleTimer = null;
          if (this.emitter.listenerCount("change") === 0) this.disconnect();
        }, IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    };
  }

  /** Resolves once this process is LISTENing: a change committed after that reaches the subscribers. */
  listening(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.push(resolve));
  }

  get subscriberCount(): number {
    return this.emitter.listenerCount("change");
  }

  private emit(change: LiveChange) {
    for (const listener of this.emitter.listeners("change") as LiveChangeHandler[]) {
      try {
        listener(change);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.name : String(error) }, "live change subscriber failed");
      }
    }
  }

  private ensureConnected() {
    if (this.client || this.connecting || this.retryTimer) return;
    void this.connect();
  }

  private async connect() {
    this.connecting = true;
    const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true, application_name: "afc-live" });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let json: unknown;
      try {
        json = JSON.parse(message.payload);
      } catch {
        json = null;
      }
      const parsed = PayloadSchema.safeParse(json);
      if (parsed.success) this.emit({ kind: "change", topic: parsed.data.t, keys: parsed.data.k, all: parsed.data.all ?? false });
      else log.warn({ channel: CHANNEL }, "ignored a malformed live_change notification");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.connecting = false;
      client.removeAllListeners("end");
      client.on("error", () => {});
      await client.end().catch(() => {});
      this.scheduleRetry(error);
      return;
    }
    this.connecting = false;
    // Everyone left while we were connecting.
    if (this.subscriberCount === 0 && this.idleTimer === null) {
      this.client = client;
      this.disconnect();
      return;
    }
    this.client = client;
    this.failures = 0;
    this.pingTimer = setInterval(() => {
      client.query("SELECT 1").catch((error: unknown) => this.lost(client, error));
    }, PING_EVERY_MS);
    this.pingTimer.unref();
    if (this.everConnected) {
      log.info({ channel: CHANNEL }, "live listener reconnected");
      this.emit({ kind: "resync" });
    }
    this.everConnected = true;
    for (const resolve of this.listeningWaiters.splice(0)) resolve();
  }

  /** The connection broke: drop it, and come back after a growing, jittered delay. */
  private lost(client: pg.Client, error: unknown) {
    if (this.client !== client) return;
    this.client = null;
    this.clearPing();
    client.removeAllListeners("end");
    client.on("error", () => {});
    client.end().catch(() => {});
    if (this.subscriberCount > 0) this.scheduleRetry(error);
  }

  private scheduleRetry(error: unknown) {
    this.failures += 1;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (this.failures - 1));
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    log.warn({ channel: CHANNEL, err: error instanceof Error ? error.name : String(error), retryInMs: delay }, "live listener disconnected");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.subscriberCount > 0) this.ensureConnected();
    }, delay);
    this.retryTimer.unref();
  }

  private clearPing() {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private disconnect() {
    const client = this.client;
    this.client = null;
    this.clearPing();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // The next connection is a fresh start, not a recovery: nothing to resync.
    this.everConnected = false;
    this.failures = 0;
    if (client) {
      client.removeAllListeners("end");
      client.on("error", () => {});
      client.end().catch(() => {});
    }
  }
}

// In development Next re-evaluates modules on change: keep one listener per process anyway.
const globalForListener = globalThis as unknown as { afcLiveChanges?: LiveChangeListener };

function listener(): LiveChangeListener {
  globalForListener.afcLiveChanges ??= new LiveChangeListener();
  return globalForListener.afcLiveChanges;
}

/**
 * Calls `handler` for every live change, from any app instance, until the returned function is
 * called. Starts the shared LISTEN connection on the first subscriber.
 */
export function subscribeToLiveChanges(handler: LiveChangeHandler): () => void {
  return listener().subscribe(handler);
}

/**
 * Resolves once this process listens for changes (at once when it already does). A live page
 * tells the browser it is live only then: a change made between "ready" and the LISTEN would
 * otherwise be missed, on the first page a server opens after it starts or after an idle close.
 */
export function liveChangesListening(): Promise<void> {
  return listener().listening();
}
