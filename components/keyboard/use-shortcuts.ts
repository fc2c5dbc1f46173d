"use client";

import { useEffect, useRef } from "react";

/**
 * Key → handler. Keys are `KeyboardEvent.key` values ("j", "ArrowDown", "Enter", "?"); letters are
 * matched case-insensitively; two keys separated by a space are a sequence ("g q": g, then q
 * within a second).
 */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

const SEQUENCE_TIMEOUT_MS = 1000;

/** Typing in a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

function normalize(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/**
 * Page-wide keyboard shortcuts. Ignored while the user types in a field, with Ctrl/⌘/Alt held
 * (browser shortcuts stay intact), during IME composition, and while a modal dialog is open.
 * Enter and Space on a focused link or button keep their usual meaning.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const mapRef = useRef(map);
  useEffect(() => {
    mapRef.current = map;
  });

  useEffect(() => {
    if (!enabled) return;
    let pending: string | null = null;
    let pendingTimer: ReturnType<typeof setTimeout> | undefined;
    const clearPending = () => {
      pending = null;
      clearTimeout(pendingTimer);
    };

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const key = normalize(event.key);
      if ((key === "Enter" || key === " ") && event.target instanceof Element && event.target.closest("a, button, summary, [role='button']")) return;
      const bindings = Object.fromEntries(Object.entries(mapRef.current).map(([k, v]) => [k.split(" ").map(normalize).join(" "), v]));

      if (pending !== null) {
        const sequence = `${pending} ${key}`;
        clearPending();
        const handler = bindings[sequence];
        if (handler) {
          event.preventDefault();
          handler(event);
          return;
        }
      }
      if (Object.keys(bindings).some((k) => k.startsWith(`${key} `))) {
        pending = key;
        pendingTimer = setTimeout(clearPending, SEQUENCE_TIMEOUT_MS);
        return;
      }
      const handler = bindings[key];
      if (handler) {
        event.preventDefault();
        handler(event);
      }
    }

    window.addEventListener("keydown", onKeyDown);
    return () => {
      clearPending();
      window.removeEventListener("keydown", onKeyDown);
    };
  }, [enabled]);
}
