// Types for processes.mjs (plain JavaScript so it runs before anything is compiled).
import type { ChildProcess } from "node:child_process";

type Steps = ReadonlyArray<readonly [NodeJS.Signals, number]>;

export function sleep(ms: number): Promise<void>;
export function isAlive(pid: number): boolean;
export function processCommand(pid: number): string;
export function signal(pid: number, sig: NodeJS.Signals | number): void;
export function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean>;
export function stopPid(pid: number, opts?: { steps?: Steps; log?: (line: string) => void; what?: string }): Promise<void>;
export function childExited(child: ChildProcess): Promise<void>;
export function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean>;
export function stopChild(
  child: ChildProcess | null | undefined,
  opts?: { steps?: Steps; log?: (line: string) => void; what?: string },
): Promise<boolean>;
export function onShutdownSignals(handler: (sig: NodeJS.Signals) => unknown, signals?: NodeJS.Signals[]): () => void;
export function portAnswers(port: number, host?: string, timeoutMs?: number): Promise<boolean>;
export function portFree(port: number): Promise<boolean>;
export function freePort(): Promise<number>;
export function readTail(file: string, bytes?: number): Promise<string>;
