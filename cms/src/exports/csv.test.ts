/** CSV exports over real HTTP: sales and admins only, filters honoured, cells safe for Excel. */
import type { TRole } from "@beian/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { csvCell } from "./csv.ts";

let t: TTestPayload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<TRole, string>;
const as = (role: TRole) => ({ Authorization: `JWT ${tokens[role]}` });

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  tokens = await server.staffTokens();
  for (const [reference, name, status] of [
    ["L-AAAAAA", "张三", "new"],
    ["L-BBBBBB", '=HYPERLINK("http://evil")', "contacted"],
  ] as const) {
    await t.payload.create({
      collection: "leads",
      data: { reference, name, phone: "13800138000", status, message: "第一行\n第二行" },
    });
  }
});

afterAll(() => close?.());

describe("CSV export", () => {
  it("gives sales every lead, Excel-ready, with formulas neutralised", async () => {
    const response = await fetch(`${server.url}/api/leads/export.csv`, {
      headers: as("sales"),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("编号,提交时间,状态,姓名,手机号")).toBe(true);
    expect(text).toContain("L-AAAAAA");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"第一行\n第二行"');
  });

  it("honours the list's filters", async () => {
    const auth = as("admin");
    const text = await (
      await fetch(`${server.url}/api/leads/export.csv?where[status][equals]=new`, { headers: auth })
    ).text();
    expect(text).toContain("L-AAAAAA");
    expect(text).not.toContain("L-BBBBBB");
    expect((await fetch(`${server.url}/api/orders/export.csv`, { headers: auth })).status).toBe(
      200,
    );
  });

  it("refuses editors and anonymous visitors", async () => {
    const editor = as("editor");
    expect((await fetch(`${server.url}/api/leads/export.csv`, { headers: editor })).status).toBe(
      403,
    );
    expect((await fetch(`${server.url}/api/orders/export.csv`, { headers: editor })).status).toBe(
      403,
    );
    expect((await fetch(`${server.url}/api/leads/export.csv`)).status).toBe(401);
  });

  it("quotes what needs quoting", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("+86")).toBe("'+86");
    expect(csvCell(null)).toBe("");
  });
});
