/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node at run time instead of bundled: PGlite reads its WebAssembly
  // and data files relative to its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-copy-streams"],
  poweredByHeader: false,
};

export default nextConfig;
