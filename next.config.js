/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time instead of bundled: PGlite reads its WebAssembly
  // and data files relative to its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-copy-streams"],
  poweredByHeader: false,
  // A separate build folder per concurrent build (parallel e2e runs on one checkout); .next by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
