import { withPayload } from "@payloadcms/next/withPayload";
import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/server/securityHeaders.ts";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@beian/contract", "@beian/widget"],
  // `pnpm test` typechecks the whole workspace; the build need not do it again on two cores.
  typescript: { ignoreBuildErrors: true },
  // The CMS serves the admin and the API only; the public site is the static build in site/.
  redirects: async () => [{ source: "/", destination: "/admin", permanent: false }],
  headers: async () => [
    {
      source: "/:path*",
      headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
    },
    {
      // Uploaded files are served from the CMS's origin: an SVG must never run script there.
      source: "/api/media/file/:path*",
      headers: [
        {
          key: "Content-Security-Policy",
          value: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        },
      ],
    },
  ],
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      ".cjs": [".cts", ".cjs"],
      ".js": [".ts", ".tsx", ".js", ".jsx"],
      ".mjs": [".mts", ".mjs"],
    };
    return webpackConfig;
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
