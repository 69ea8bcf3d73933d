"use client";

import { useSyncExternalStore } from "react";

/**
 * One shared clock for live durable views (the timeline's "now" line, growing bars, running durations):
 * ticks a few times a second only while something subscribes, so finished executions cost nothing.
 */
const TICK_MS = 200;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const idle = () => () => {};

/**
 * The current time while `live`; otherwise `fallback`. The server (and hydration) render `fallback` too,
 * so the first paint matches — pass something both sides know, such as when the data was fetched.
 */
export function useNow(live: boolean, fallback: number): number {
  return useSyncExternalStore(
    live ? subscribe : idle,
    () => (live ? now : fallback),
    () => fallback,
  );
}
