import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The emulator's SQLite driver is a native addon; Next must load it with Node's require, not bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // `next build` type-checks the console only (app, components, lib); the whole repo, emulator and tests
  // included, is checked by `npm run typecheck`, so work in progress there does not block console builds.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  // Invoke payloads travel through a server action; synchronous invokes accept up to 6 MB (default is 1 MB).
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default nextConfig;
