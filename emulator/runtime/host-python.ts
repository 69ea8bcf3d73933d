/**
 * The host's Python 3, found once. We resolve the real interpreter path (`sys.executable`) with the
 * emulator's own environment, because a shim such as pyenv's needs variables (HOME, PYENV_*) that a
 * function's clean Lambda environment does not have.
 */
import { execFile } from "node:child_process";

export interface HostPython {
  executable: string;
  /** e.g. `3.11.7` */
  version: string;
}

let found: Promise<HostPython | undefined> | undefined;

export function hostPython(): Promise<HostPython | undefined> {
  found ??= new Promise((resolve) => {
    execFile(
      "python3",
      ["-c", "import sys, platform; print(sys.executable); print(platform.python_version())"],
      { timeout: 10_000 },
      (error, stdout) => {
        if (error) return resolve(undefined);
        const [executable, version] = stdout.trim().split("\n");
        resolve(executable && version ? { executable, version } : undefined);
      },
    );
  });
  return found;
}
