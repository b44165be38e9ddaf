import { withPayload } from "@payloadcms/next/withPayload";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `pnpm test` typechecks the whole workspace; the build need not do it again on two cores.
  typescript: { ignoreBuildErrors: true },
  // The CMS serves the admin and the API only; the public site is the static build in site/.
  redirects: async () => [{ source: "/", destination: "/admin", permanent: false }],
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
