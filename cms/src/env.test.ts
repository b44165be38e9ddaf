import { describe, expect, it } from "vitest";
import {
  adminCredentials,
  DEV_ADMIN_PASSWORD,
  DEV_PAYLOAD_SECRET,
  databaseKind,
  isLoopbackHost,
  parseEnv,
} from "./env.ts";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");
const PRIVATE_SECRETS = {
  PAYLOAD_SECRET: "a-private-secret-of-length",
  MATERIALS_ENCRYPTION_KEY: KEY_A,
};

describe("environment", () => {
  it("has working development defaults", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.DATABASE_URI).toMatch(/^file:.*cms\/data\/beian\.db$/);
    expect(result.data.PAYLOAD_DB_PUSH).toBe(false);
    expect(result.data.CMS_PORT).toBe(3000);
    expect(result.data.SITE_PORT).toBe(4321);
    expect(result.data.RATE_LIMIT_POINTS).toBe(10);
    expect(result.data.TRUST_PROXY).toBe(false);
    expect(result.data.PAYLOAD_SECRET).toBe(DEV_PAYLOAD_SECRET);
  });

  it("keeps schema push (development) and migrations apart on separate default databases", () => {
    const push = parseEnv({ PAYLOAD_DB_PUSH: "true" });
    expect(push.ok && push.data.DATABASE_URI).toMatch(/^file:.*cms\/data\/dev\.db$/);
    const explicit = parseEnv({ PAYLOAD_DB_PUSH: "true", DATABASE_URI: "file:/tmp/x.db" });
    expect(explicit.ok && explicit.data.DATABASE_URI).toBe("file:/tmp/x.db");
  });

  it("treats empty variables as unset", () => {
    const result = parseEnv({ RESEND_API_KEY: "", CMS_PORT: "" });
    expect(result.ok && result.data.RESEND_API_KEY).toBe(undefined);
    expect(result.ok && result.data.CMS_PORT).toBe(3000);
  });

  it("refuses the development materials key in production and names the variable", () => {
    const result = parseEnv({
      NODE_ENV: "production",
      PAYLOAD_SECRET: "a-private-secret-of-length",
    });
    expect(!result.ok && result.error).toContain("MATERIALS_ENCRYPTION_KEY");
    const short = parseEnv({ ...PRIVATE_SECRETS, MATERIALS_ENCRYPTION_KEY: "c2hvcnQ=" });
    expect(!short.ok && short.error).toMatch(/MATERIALS_ENCRYPTION_KEY: must be 32 bytes, base64/);
    const previous = parseEnv({
      ...PRIVATE_SECRETS,
      MATERIALS_PREVIOUS_KEYS: `${KEY_B}, ${KEY_A}`,
    });
    expect(previous.ok && previous.data.MATERIALS_PREVIOUS_KEYS).toEqual([KEY_B, KEY_A]);
  });

  it("refuses the default secret in production and names the variable", () => {
    const result = parseEnv({ NODE_ENV: "production" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("PAYLOAD_SECRET");
    expect(parseEnv({ ...PRIVATE_SECRETS, NODE_ENV: "production" }).ok).toBe(true);
  });

  it("refuses schema push in production", () => {
    const result = parseEnv({
      NODE_ENV: "production",
      PAYLOAD_SECRET: "a-private-secret-of-length",
      PAYLOAD_DB_PUSH: "true",
    });
    expect(!result.ok && result.error).toContain("PAYLOAD_DB_PUSH");
  });

  it("refuses the default admin password in production only", () => {
    const dev = parseEnv({});
    const prod = parseEnv({ ...PRIVATE_SECRETS, NODE_ENV: "production" });
    if (!dev.ok || !prod.ok) throw new Error("fixtures must parse");
    expect(adminCredentials(dev.data).password).toBe(DEV_ADMIN_PASSWORD);
    expect(() => adminCredentials(prod.data)).toThrow(/CMS_ADMIN_PASSWORD/);
  });

  it("rejects unknown database schemes and malformed values", () => {
    const result = parseEnv({
      DATABASE_URI: "postgres://x",
      CMS_URL: "not a url",
      CMS_PORT: "http",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/DATABASE_URI[\s\S]*CMS_PORT[\s\S]*CMS_URL/);
  });

  it("selects the database by URI scheme", () => {
    expect(databaseKind("file:./x.db")).toBe("sqlite");
    expect(databaseKind("mongodb://127.0.0.1/beian")).toBe("mongodb");
    expect(databaseKind("mongodb+srv://cluster.example.com/beian")).toBe("mongodb");
  });

  it.each(["0.0.0.0", "192.168.1.5", "::", "cms.example.com"])(
    "refuses HOST=%s outside production and says what to set instead",
    (host) => {
      for (const NODE_ENV of ["development", "test"]) {
        const result = parseEnv({ NODE_ENV, HOST: host });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(/HOST:.*NODE_ENV=production/);
        expect(!result.ok && result.error).toMatch(
          /PAYLOAD_SECRET.*CMS_ADMIN_PASSWORD.*HOST=127\.0\.0\.1/,
        );
      }
    },
  );

  it.each(["127.0.0.1", "127.0.0.2", "::1", "localhost"])(
    "keeps the development defaults on the loopback host %s",
    (host) => {
      const result = parseEnv({ HOST: host });
      expect(result.ok && result.data.PAYLOAD_SECRET).toBe(DEV_PAYLOAD_SECRET);
    },
  );

  it("serves production with private secrets on any host", () => {
    const result = parseEnv({
      ...PRIVATE_SECRETS,
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      CMS_ADMIN_PASSWORD: "a-private-admin-password",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(adminCredentials(result.data).password).toBe("a-private-admin-password");
  });

  it("counts only 127.0.0.0/8, ::1 and localhost as loopback", () => {
    expect(
      ["127.0.0.1", "127.255.0.9", "::1", "localhost", "LOCALHOST"].every(isLoopbackHost),
    ).toBe(true);
    expect(
      ["0.0.0.0", "::", "128.0.0.1", "127.example.com", "localhost.example.com", ""].some(
        isLoopbackHost,
      ),
    ).toBe(false);
  });
});
