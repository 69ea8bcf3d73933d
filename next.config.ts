import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The emulator's SQLite driver is a native addon; Next must load it with Node's require, not bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // `next build` type-checks the console only (app, components, lib); the whole repo, emulator and tests
  // included, is checked by `npm run typecheck`, so work in progress there does not block console builds.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  // Code deploys travel through a server action, and Lambda accepts direct uploads up to 50 MB zipped
  // (lib/code-forms.ts refuses more before sending); the default limit is 1 MB. Invokes use a route handler.
  experimental: { serverActions: { bodySizeLimit: "55mb" } },
};

export default nextConfig;
