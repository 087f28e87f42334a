/** @type {import('next').NextConfig} */
const nextConfig = {
  // One self-contained server folder for containers; `npm run build` also copies the static assets in.
  output: "standalone",
  outputFileTracingRoot: __dirname,
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
