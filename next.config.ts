import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The emulator's SQLite driver is a native addon; Next must load it with Node's require, not bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Invoke payloads travel through a server action; synchronous invokes accept up to 6 MB (default is 1 MB).
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default nextConfig;
