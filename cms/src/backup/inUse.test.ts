/**
 * The in-use mark between a stack and a restore: any number of processes may use a database at
 * once; a restore takes it only when none does, and while it has it, none can start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { holdInUse, takeFromUse } from "./inUse.ts";

const dir = mkdtempSync(path.join(tmpdir(), "beian-in-use-"));
const file = path.join(dir, "beian.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("lets a restore take the database only while nothing uses it, and nothing start meanwhile", () => {
  const cms = holdInUse(file);
  const worker = holdInUse(file);
  expect(takeFromUse(file)).toBeUndefined();
  cms();
  expect(takeFromUse(file)).toBeUndefined();
  worker();

  const restore = takeFromUse(file);
  expect(restore).toBeTypeOf("function");
  expect(() => holdInUse(file)).toThrow(/is being restored/);
  restore?.();
  holdInUse(file)();
});
