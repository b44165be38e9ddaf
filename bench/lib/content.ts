/**
 * Made-up bulk content for the "large site" build: cases and FAQs shaped like real ones (a QR link
 * per case, so the CMS's QR hook and the site's drawn QR images are exercised; a paragraph of rich text
 * per answer), created through the REST API as an editor's browser would.
 */
import type { TCms } from "./cms.ts";

const INDUSTRIES = [
  "catering",
  "retail",
  "education",
  "health",
  "local-services",
  "travel",
  "tools",
  "public",
  "other",
] as const;
const FAQ_CATEGORIES = ["platform-rejection", "verification-failure", "general"] as const;

/** Lexical's JSON for one paragraph of plain text (what the admin's editor saves). */
export function richText(text: string) {
  return {
    root: {
      type: "root",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "text", text, format: 0, detail: 0, mode: "normal", style: "", version: 1 },
          ],
          direction: "ltr",
          format: "",
          indent: 0,
          version: 1,
          textFormat: 0,
          textStyle: "",
        },
      ],
      direction: "ltr",
      format: "",
      indent: 0,
      version: 1,
    },
  };
}

export function caseDoc(index: number, filingTypeIds: (string | number)[]) {
  const n = index + 1;
  return {
    name: `基准测试小程序 ${n}`,
    introduction: `第 ${n} 个基准测试案例:小程序完成了备案并顺利上线。Bench case ${n}, generated to measure the site build with many cases.`,
    industry: INDUSTRIES[index % INDUSTRIES.length],
    filingType: filingTypeIds[index % filingTypeIds.length],
    miniProgramLink: `https://example.com/mp/bench-case-${n}`,
    featured: false,
    order: 1000 + n,
    _status: "published",
  };
}

export function faqDoc(index: number, runId: string) {
  const n = index + 1;
  return {
    category: FAQ_CATEGORIES[index % FAQ_CATEGORIES.length],
    question: `基准测试问题 ${n}:备案被驳回后多久可以重新提交?`,
    answer: richText(
      `基准测试回答 ${n}。Bench FAQ ${n}: a generated answer long enough to look like a real one, so that the FAQ page's size grows the way it would with real content.`,
    ),
    // Anchors are unique: the run id keeps a rerun against the same database from colliding.
    anchor: `bench-${runId}-faq-${n}`,
    order: 1000 + n,
    _status: "published",
  };
}

/**
 * Runs `task` for 0..count-1 with at most `concurrency` in flight: enough to keep the CMS busy,
 * few enough not to turn the measurement into a load test of SQLite's single writer.
 */
export async function pool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    // After one failure the other workers stop taking new work, so the error surfaces at once.
    while (next < count && !failed) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failed = true;
        throw error;
      }
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export async function filingTypeIds(cms: TCms): Promise<(string | number)[]> {
  const { docs } = await cms.request<{ docs: { id: string | number }[] }>(
    "GET",
    "/filing-types?limit=100&depth=0",
  );
  if (docs.length === 0) throw new Error("the CMS has no filing types to attach cases to");
  return docs.map((doc) => doc.id);
}
