/**
 * The CMS as its users meet it: the public API over real HTTP, and the admin in Chromium.
 */
import { expect, test } from "@playwright/test";
import { cmsUrl, LOGINS, logIn, siteUrl } from "../fixtures/logins.ts";

test.describe("public REST API", () => {
  test("anonymous GET /api/faqs returns the published FAQs", async ({ request }) => {
    const response = await request.get(cmsUrl("/api/faqs?limit=100"));
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.totalDocs).toBeGreaterThanOrEqual(11);
    const questions = body.docs.map((doc: { question: string }) => doc.question);
    expect(questions).toContain("备案订单中的联系电话未接通");
    expect(questions).toContain("人脸与身份证信息不符");
    expect(body.docs.every((doc: { _status: string }) => doc._status === "published")).toBe(true);
  });

  test("anonymous reads of users are refused and drafts stay hidden", async ({ request }) => {
    expect((await request.get(cmsUrl("/api/users"))).status()).toBe(403);

    // An editor saves a draft FAQ; the public cannot see it, not even when asking for drafts.
    const login = await request.post(cmsUrl("/api/users/login"), { data: LOGINS.editor });
    expect(login.status()).toBe(200);
    const { token } = await login.json();
    const auth = { Authorization: `JWT ${token}` };
    const created = await request.post(cmsUrl("/api/faqs?draft=true"), {
      headers: auth,
      data: {
        category: "general",
        question: "草稿问题:尚未发布?",
        anchor: `draft-${Date.now()}`,
        answer: {
          root: { type: "root", children: [], direction: null, format: "", indent: 0, version: 1 },
        },
        _status: "draft",
      },
    });
    expect(created.status()).toBe(201);
    const draftId = (await created.json()).doc.id;

    for (const query of ["", "?draft=true"]) {
      const list = await request.get(cmsUrl(`/api/faqs${query}${query ? "&" : "?"}limit=100`), {
        headers: {},
      });
      const questions = (await list.json()).docs.map((doc: { question: string }) => doc.question);
      expect(questions).not.toContain("草稿问题:尚未发布?");
    }
    expect((await request.get(cmsUrl(`/api/faqs/${draftId}?draft=true`))).status()).toBe(404);
    const asEditor = await request.get(cmsUrl(`/api/faqs/${draftId}?draft=true`), {
      headers: auth,
    });
    expect(asEditor.status()).toBe(200);
  });

  test("sales cannot edit content; editors cannot see users", async ({ request }) => {
    const salesToken = (
      await (await request.post(cmsUrl("/api/users/login"), { data: LOGINS.sales })).json()
    ).token;
    const faqs = await (await request.get(cmsUrl("/api/faqs?limit=1"))).json();
    const update = await request.patch(cmsUrl(`/api/faqs/${faqs.docs[0].id}`), {
      headers: { Authorization: `JWT ${salesToken}` },
      data: { question: "销售改的" },
    });
    expect(update.status()).toBe(403);

    const editorToken = (
      await (await request.post(cmsUrl("/api/users/login"), { data: LOGINS.editor })).json()
    ).token;
    const users = await (
      await request.get(cmsUrl("/api/users"), { headers: { Authorization: `JWT ${editorToken}` } })
    ).json();
    expect(users.docs.map((user: { email: string }) => user.email)).toEqual([LOGINS.editor.email]);
  });

  test("the published globals carry the client's copy", async ({ request }) => {
    const landing = await (await request.get(cmsUrl("/api/globals/landing"))).json();
    // The H1 says what we do for mini programs (issue 12; our words, marked in the seed).
    expect(landing.hero.title).toBe("小程序 ICP 备案,专员 1V1 代办");
    expect(landing.cases.customerCountClaim).toBe("已备案成功1000+客户");
    const settings = await (await request.get(cmsUrl("/api/globals/site-settings"))).json();
    expect(settings.brand.name).toBe("小程序备案中心");
    expect(settings.hotline).toBe("400-998-6176");
  });

  test("uploaded files are served without the power to run script", async ({ request }) => {
    const partners = await (await request.get(cmsUrl("/api/partners?depth=1&limit=50"))).json();
    const logo = partners.docs.find(
      (partner: { logo?: { url?: string } }) => partner.logo?.url,
    )?.logo;
    expect(logo?.mimeType).toBe("image/svg+xml");
    const file = await request.get(new URL(logo.url, cmsUrl("/")).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()["content-security-policy"]).toContain("sandbox");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  });

  // cms/src/server/directApi.ts: the public API skips Next's routing (≈ 1.5 ms a request), and
  // must not lose what Next adds to an answer on the way.
  test("the public API is answered without Next, with the CMS's headers, gzipped", async ({
    request,
  }) => {
    const headers = { "Accept-Encoding": "gzip", Origin: new URL(siteUrl("/")).origin };
    const config = await request.get(cmsUrl("/api/public/widget-config?partner=direct"), {
      headers,
    });
    expect(config.status()).toBe(200);
    expect((await config.json()).partner.key).toBe("direct");
    const throughNext = await request.get(cmsUrl("/api/faqs?limit=1"), { headers });
    for (const answer of [config, throughNext]) {
      expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers()["x-frame-options"]).toBe("SAMEORIGIN");
      expect(answer.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(answer.headers()["content-encoding"]).toBe("gzip");
    }
    // Next marks every answer as varying with its router's headers; the direct answer does not.
    expect(throughNext.headers().vary).toContain("rsc");
    expect(config.headers().vary).not.toContain("rsc");
  });

  test("GraphQL is switched off", async ({ request }) => {
    const graphql = await request.post(cmsUrl("/api/graphql"), {
      data: { query: "{ __typename }" },
    });
    expect(graphql.status()).toBe(404);
    expect((await request.get(cmsUrl("/api/graphql-playground"))).status()).toBe(404);
  });

  // The stack's one client address is the tests' own; the account-and-address throttle's other
  // half (the owner signs in from elsewhere) is in cms/src/collections/Users/users.test.ts.
  test("five wrong passwords from one address refuse that address on the account", async ({
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one client address serves both projects");
    const adminToken = (
      await (await request.post(cmsUrl("/api/users/login"), { data: LOGINS.admin })).json()
    ).token;
    const email = `throttled-${Date.now()}@example.com`;
    const password = "a-correct-password-1";
    const created = await request.post(cmsUrl("/api/users"), {
      headers: { Authorization: `JWT ${adminToken}` },
      data: { email, password, role: "editor" },
    });
    expect(created.status()).toBe(201);
    for (let i = 0; i < 5; i++) {
      const wrong = await request.post(cmsUrl("/api/users/login"), {
        data: { email, password: "wrong-password" },
      });
      expect(wrong.status()).toBe(401);
    }
    const right = await request.post(cmsUrl("/api/users/login"), { data: { email, password } });
    expect(right.status()).toBe(429);
    expect(Number(right.headers()["retry-after"])).toBeGreaterThan(0);
    expect(JSON.stringify(await right.json())).toMatch(/登录失败次数过多/);
  });
});

test.describe("admin", () => {
  test("shows the login in Chinese, and the seeded copy after login", async ({ page }) => {
    await page.goto(cmsUrl("/admin"));
    await expect(page).toHaveURL(/\/admin\/login/);
    await expect(page.getByRole("button", { name: "登录" })).toBeVisible();

    await page.getByLabel("电子邮件").fill(LOGINS.admin.email);
    await page.getByLabel("密码").fill(LOGINS.admin.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/admin\/?$/);

    await page.goto(cmsUrl("/admin/collections/faqs"));
    await expect(page.getByText("备案订单中的联系电话未接通")).toBeVisible();
    await page.goto(cmsUrl("/admin/collections/filing-types"));
    await expect(page.getByText("个体户备案").first()).toBeVisible();
    await page.goto(cmsUrl("/admin/globals/landing"));
    await expect(page.locator('input[name="hero.title"]')).toHaveValue(
      "小程序 ICP 备案,专员 1V1 代办",
    );

    // Each partner's page shows its ready-to-copy embed code.
    await page.goto(cmsUrl("/admin/collections/partners"));
    await page.getByRole("link", { name: "云帆云" }).first().click();
    await expect(page.locator('[data-embed-snippet="script"]')).toContainText(
      'data-partner="yunfan"',
    );
    await expect(page.locator('[data-embed-snippet="iframe"]')).toContainText(
      "/embed/?partner=yunfan",
    );
    await expect(page.locator('[data-embed-snippet="html"]')).toContainText("/api/public/leads");
  });

  test("an editor does not see users in the navigation", async ({ page }) => {
    await logIn(page, LOGINS.editor);
    const nav = page.locator("nav");
    await expect(nav.getByRole("link", { name: "常见问题" }).first()).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户", exact: true })).toHaveCount(0);
  });
});
