/**
 * CSV exports over real HTTP: sales and admins only; what the list shows (its filters and search),
 * in Chinese and China time; phone numbers kept as text and formulas neutralised for Excel;
 * streamed page by page, complete and in order however many rows.
 */
import type { TRole } from "@beian/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { assertPlainColumns, csvCell, PAGE_SIZE } from "./csv.ts";

let t: TTestPayload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<TRole, string>;
const as = (role: TRole) => ({ Authorization: `JWT ${tokens[role]}` });

/** The export's text (BOM checked and dropped) and its rows, split on CRLF outside quotes. */
async function exported(path: string, role: TRole = "sales") {
  const response = await fetch(`${server.url}/api/${path}`, { headers: as(role) });
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
  const text = new TextDecoder().decode(bytes.slice(3));
  return { response, text, lines: text.split("\r\n").filter(Boolean) };
}

/** The `error.code` of an answer in the contract's error shape (CONTRACT §3). */
async function errorCode(response: Response): Promise<unknown> {
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.message).toBe("string");
  return body.error?.code;
}

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  tokens = await server.staffTokens();
  const { docs } = await t.payload.find({
    collection: "partners",
    where: { key: { equals: "yunfan" } },
  });
  const partner = docs[0]?.id ?? null;
  for (const [reference, name, status, filingType] of [
    ["L-AAAAAA", "张三", "new", "enterprise"],
    ["L-BBBBBB", '=HYPERLINK("http://evil")', "qualified", "personal"],
  ] as const) {
    await t.payload.create({
      collection: "leads",
      data: {
        reference,
        name,
        phone: "13912345678",
        status,
        filingType,
        partner,
        message: "第一行\n第二行",
      },
    });
  }
  await t.payload.create({
    collection: "leads",
    data: {
      reference: "L-SPAMMM",
      name: "机器人",
      phone: "13000000000",
      status: "new",
      suspectedSpam: "flood",
    },
  });
  await t.payload.create({
    collection: "orders",
    data: {
      orderNo: "B-TEST-AAAA",
      filingType: "personal",
      contact: { name: "李四", phone: "13800138000" },
      entity: { province: "guangdong", name: "0755 工作室" },
      status: "sms_verification",
      partner,
    },
  });
  // A lead worked by the seeded salesperson and converted into that order: both read by name.
  const [sales, order, lead] = await Promise.all([
    t.payload.find({ collection: "users", where: { role: { equals: "sales" } }, limit: 1 }),
    t.payload.find({ collection: "orders", where: { orderNo: { equals: "B-TEST-AAAA" } } }),
    t.payload.find({ collection: "leads", where: { reference: { equals: "L-AAAAAA" } } }),
  ]);
  await t.payload.update({
    collection: "leads",
    id: lead.docs[0]?.id ?? 0,
    data: { assignee: sales.docs[0]?.id ?? null, convertedOrder: order.docs[0]?.id ?? null },
  });
});

afterAll(() => close?.());

describe("CSV export", () => {
  it("says in Chinese and China time what the admin shows, Excel-ready", async () => {
    const { response, text, lines } = await exported("leads/export.csv");
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /filename\*=UTF-8''%E7%BA%BF%E7%B4%A2-\d{4}-\d{2}-\d{2}\.csv/, // 线索-YYYY-MM-DD.csv
    );
    expect(lines[0]).toBe(
      "编号,提交时间,状态,姓名,手机号,邮箱,公司,备案类型,留言,合作伙伴,负责人,订单号,来源页面,utm_source,utm_medium,utm_campaign",
    );
    const row = lines.find((line) => line.startsWith("L-AAAAAA,")) ?? "";
    expect(row).toMatch(/^L-AAAAAA,\d{4}-\d{2}-\d{2} \d{2}:\d{2},新线索,张三,"=""13912345678""",/);
    expect(row).toContain(',企业备案,"第一行\n第二行",云帆云,'); // the partner by name
    expect(row).toContain(",云帆云,sales@example.com,B-TEST-AAAA,"); // assignee, its order
    expect(text).toContain("有意向");
    expect(text).not.toMatch(/,(new|qualified|enterprise|personal|yunfan),/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"第一行\n第二行"');
  });

  it("writes order stages, provinces, payment and partners by name", async () => {
    const { lines } = await exported("orders/export.csv");
    const row = lines.find((line) => line.startsWith("B-TEST-AAAA,")) ?? "";
    expect(row).toContain(",短信核验,");
    expect(row).toContain(',个人备案,李四,"=""13800138000""",');
    expect(row).toContain(",0755 工作室,广东,");
    expect(row).toContain(",未付款,");
    expect(row).toContain(",云帆云,"); // the partner by name, read through `populate`
    expect(row).not.toMatch(/guangdong|unpaid|sms_verification|yunfan/);
  });

  it("exports what the list shows: its filters and its search, never suspected spam", async () => {
    const nested = await exported(
      "leads/export.csv?where[or][0][and][0][status][equals]=new",
      "admin",
    );
    expect(nested.text).toContain("L-AAAAAA");
    expect(nested.text).not.toContain("L-BBBBBB");
    const searched = await exported(`leads/export.csv?search=${encodeURIComponent("张三")}`);
    expect(searched.lines).toHaveLength(2);
    expect(searched.text).toContain("L-AAAAAA");
    const both = await exported(
      "leads/export.csv?search=13912345678&where[status][equals]=qualified",
    );
    expect(both.lines.map((line) => line.split(",")[0])).toEqual(["编号", "L-BBBBBB"]);
    const spamSearched = await exported(`leads/export.csv?search=${encodeURIComponent("机器人")}`);
    expect(spamSearched.lines).toHaveLength(1);
    const everything = await exported("leads/export.csv");
    expect(everything.text).not.toContain("L-SPAMMM");
    const spamView = await exported("leads/export.csv?where[suspectedSpam][exists]=true");
    expect(spamView.lines).toHaveLength(1);
  });

  it("refuses a filter it cannot apply before it starts the file", async () => {
    const response = await fetch(`${server.url}/api/leads/export.csv?where[nonsense][equals]=1`, {
      headers: as("sales"),
    });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("validation_failed");
  });

  it("refuses editors and anonymous visitors in the contract's error shape", async () => {
    for (const collection of ["leads", "orders"]) {
      const url = `${server.url}/api/${collection}/export.csv`;
      const editor = await fetch(url, { headers: as("editor") });
      expect(editor.status).toBe(403);
      expect(await errorCode(editor)).toBe("forbidden");
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(await errorCode(anonymous)).toBe("unauthorized");
    }
  });

  it("quotes what needs quoting and keeps long digits as text", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("+86 139")).toBe("'+86 139");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell("13912345678")).toBe('"=""13912345678"""');
    expect(csvCell("0755")).toBe('"=""0755"""');
    expect(csvCell("2026")).toBe("2026");
    expect(csvCell(null)).toBe("");
  });

  it("refuses a column it would read wrong as stored: read access or an afterRead hook", () => {
    const withFields = (fields: object[]) =>
      ({
        collections: { leads: { config: { flattenedFields: fields } } },
      }) as unknown as Parameters<typeof assertPlainColumns>[0];
    const hidden = { name: "note", type: "text", access: { read: () => false } };
    const changed = { name: "note", type: "text", hooks: { afterRead: [() => "x"] } };
    const plain = { name: "note", type: "text" };
    expect(() => assertPlainColumns(withFields([hidden]), "leads", ["note"])).toThrow(/note/);
    expect(() => assertPlainColumns(withFields([changed]), "leads", ["note"])).toThrow(/note/);
    expect(() => assertPlainColumns(withFields([plain]), "leads", ["missing"])).toThrow(/missing/);
    expect(() => assertPlainColumns(withFields([plain]), "leads", ["note"])).not.toThrow();
  });

  it("streams many rows, complete and newest first", async () => {
    const count = 10 * PAGE_SIZE + 7;
    const db = t.payload.db as unknown as {
      drizzle: { insert: (table: unknown) => { values: (rows: object[]) => Promise<unknown> } };
      tables: Record<string, unknown>;
    };
    const at = new Date().toISOString();
    const rows = Array.from({ length: count }, (_, i) => ({
      reference: `L-BULK${String(i).padStart(5, "0")}`,
      name: `批量${i}`,
      phone: "13700000000",
      status: "lost",
      createdAt: at,
      updatedAt: at,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await db.drizzle.insert(db.tables.leads).values(rows.slice(i, i + 1000));

    const started = performance.now();
    const { lines } = await exported("leads/export.csv?where[status][equals]=lost");
    const seconds = (performance.now() - started) / 1000;
    console.info(`exported ${count} leads in ${seconds.toFixed(2)} s`);
    const references = lines.slice(1).map((line) => line.split(",")[0]);
    expect(references).toHaveLength(count);
    expect(references[0]).toBe(`L-BULK${String(count - 1).padStart(5, "0")}`);
    expect(references.at(-1)).toBe("L-BULK00000");
    expect(new Set(references).size).toBe(count);
    expect(lines[1]).toContain(",已流失,");
  });
});
