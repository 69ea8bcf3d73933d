"use client";

import { useEffect, useState } from "react";

/** Seconds since mount, ticking once a second: long invocations show that they are still alive. */
export function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular">{seconds} s</span>;
}
