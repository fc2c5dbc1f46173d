"use client";

import { useSyncExternalStore } from "react";

// One clock for every countdown on the page: a single interval, so all rows tick together.
let now: number | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  now ??= Date.now();
  return now;
}

/** The server renders no clock (null); the browser then ticks every second. */
function getServerSnapshot(): number | null {
  return null;
}

/** The current time in epoch ms, updated every second; null while rendering on the server. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
