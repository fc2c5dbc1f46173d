import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { z } from "zod";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// One LISTEN connection per server process, shared by every open live queue of that process.
// PostgreSQL fans each NOTIFY out to every instance that listens, so several app instances each
// hear every change; this module only remembers who, in this process, wants to hear it.
//
// The trigger (migration 20261121115835_alerts_triage) sends one notification per statement on
// `alert`: {"op":"INSERT"|"UPDATE","cities":[cityId,…]}. A notification names no alert and no
// person, so it is safe to pass on to any browser of those cities.

const CHANNEL = "alert_changed";
/** Close the connection when nobody has listened for this long (page changes re-subscribe quickly). */
const IDLE_CLOSE_MS = 30_000;
/** Detects a connection that died without telling us (NAT, failover). */
const PING_EVERY_MS = 30_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

export type AlertChange =
  | { op: "INSERT" | "UPDATE"; cities: string[] }
  /** The connection was lost and is back: notifications may have been missed, everyone refreshes. */
  | { op: "RESYNC" };

export type AlertChangeHandler = (change: AlertChange) => void;

const PayloadSchema = z.object({ op: z.enum(["INSERT", "UPDATE"]), cities: z.array(z.string()) });

class AlertChangeListener {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting = false;
  private everConnected = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;

  constructor() {
    // Every open browser tab is a listener; the default limit of 10 is a leak detector for
    // ordinary emitters, not for this one.
    this.emitter.setMaxListeners(0);
  }

  subscribe(handler: AlertChangeHandler): () => void {
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

  get subscriberCount(): number {
    return this.emitter.listenerCount("change");
  }

  private emit(change: AlertChange) {
    for (const listener of this.emitter.listeners("change") as AlertChangeHandler[]) {
      try {
        listener(change);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, "alert change subscriber failed");
      }
    }
  }

  private ensureConnected() {
    if (this.client || this.connecting || this.retryTimer) return;
    void this.connect();
  }

  private async connect() {
    this.connecting = true;
    const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true, application_name: "afc-live-queue" });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let json: unknown;
      try {
        json = JSON.parse(message.payload);
      } catch {
        json = null;
      }
      const parsed = PayloadSchema.safeParse(json);
      if (parsed.success) this.emit(parsed.data);
      else log.warn({ channel: CHANNEL }, "ignored a malformed alert_changed notification");
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
      log.info({ channel: CHANNEL }, "live queue listener reconnected");
      this.emit({ op: "RESYNC" });
    }
    this.everConnected = true;
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
    log.warn({ channel: CHANNEL, err: error instanceof Error ? error.message : String(error), retryInMs: delay }, "live queue listener disconnected");
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
const globalForListener = globalThis as unknown as { afcAlertChanges?: AlertChangeListener };

function listener(): AlertChangeListener {
  globalForListener.afcAlertChanges ??= new AlertChangeListener();
  return globalForListener.afcAlertChanges;
}

/**
 * Calls `handler` for every change to alerts, from any app instance, until the returned function
 * is called. Starts the shared LISTEN connection on the first subscriber.
 */
export function subscribeToAlertChanges(handler: AlertChangeHandler): () => void {
  return listener().subscribe(handler);
}
