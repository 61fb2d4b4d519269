/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per checkout or helper lets two builds coexist (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "@libsql/client", "@prisma/adapter-libsql", "pg", "ioredis", "undici"],
  typescript: { ignoreBuildErrors: false },
  experimental: { preloadEntriesOnStart: false },
  // The playgrounds have a page each; their common prefix, typed by hand, opens the first.
  redirects: async () => [{ source: "/playground", destination: "/playground/chat", permanent: false }],
};

export default nextConfig;
