/**
 * Builds the widget, each script a self-contained minified classic script (IIFE):
 * - dist/v1/widget.js: the one-tag embed's LOADER (plain TS, no renderer): options, the partner's
 *   configuration, the launcher or the inline space, and the form script when the visitor reaches
 *   for it (src/loader/loader.ts);
 * - dist/v1/form.js: the form (React aliased to the embed's renderer, src/renderer/; the
 *   contract's validation, the CSS as a string, Chinese texts) (src/embed.tsx);
 * - dist/v1/form-en.js: the English texts, loaded by the form for `data-lang="en"` only;
 * - dist/react.js + dist/react.d.ts: the ESM React component (react/react-dom stay external).
 * Run with `pnpm build` (node scripts/build.ts [outDir]); the budget test imports buildEmbed.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { type BuildOptions, build, type Metafile, type Plugin, transform } from "esbuild";
import { minify } from "terser";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = (file: string) => path.join(root, "src", file);

/** `import css from "./styles.css"` → the minified stylesheet as a string. */
const cssAsText: Plugin = {
  name: "css-as-text",
  setup(context) {
    context.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, "utf8"), {
        loader: "css",
        minify: true,
        target: ["chrome87", "safari14", "firefox78"],
      });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: "js" };
    });
  },
};

/**
 * `import css from "../launcher.css"` (the loader's launcher) → the rules of styles.css that style
 * the launcher button: one stylesheet, so the loader's launcher and the form's stay the same.
 */
const LAUNCHER_SELECTOR =
  /^(:host|\.bw|\.bw \*.*|:where\(\.bw\) button|\.bw :focus-visible|\.launcher\b.*)$/;

/** The top-level rules of minified CSS whose selector list has one `keep` accepts. */
export function launcherRules(minified: string): string {
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < minified.length; i++) {
    if (minified[i] === "{") depth++;
    else if (minified[i] === "}" && --depth === 0) {
      const rule = minified.slice(start, i + 1);
      const selectors = rule.slice(0, rule.indexOf("{")).split(",");
      if (selectors.some((selector) => LAUNCHER_SELECTOR.test(selector.trim()))) kept.push(rule);
      start = i + 1;
    }
  }
  return kept.join("");
}

const launcherCss: Plugin = {
  name: "launcher-css",
  setup(context) {
    context.onResolve({ filter: /launcher\.css$/ }, () => ({
      path: src("styles.css"),
      namespace: "launcher-css",
    }));
    context.onLoad({ filter: /.*/, namespace: "launcher-css" }, async (args) => {
      const { code } = await transform(await readFile(args.path, "utf8"), {
        loader: "css",
        minify: true,
        target: ["chrome87", "safari14", "firefox78"],
      });
      return { contents: `export default ${JSON.stringify(launcherRules(code))};`, loader: "js" };
    });
  },
};

/**
 * zod keeps its config and registry on globalThis (`__zod_globalConfig`, `__zod_globalRegistry`):
 * give each of those modules a private scope instead, so the embed defines no global but
 * BeianWidget. `jitless` also keeps zod from probing `new Function` on pages with a strict CSP.
 */
const zodWithoutGlobals: Plugin = {
  name: "zod-without-globals",
  setup(context) {
    context.onLoad(
      { filter: /[\\/]zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/ },
      async (args) => {
        const source = await readFile(args.path, "utf8");
        return {
          contents: `const __scope = { __zod_globalConfig: { jitless: true } };\n${source.replace(/\bglobalThis\b/g, "__scope")}`,
          loader: "js",
          resolveDir: path.dirname(args.path),
        };
      },
    );
  },
};

/**
 * The embed uses zod only through the contract, which builds schemas with `.check()` (a clone) and
 * validates with `z.safeParse(schema, input)`: nothing calls a schema's own parse methods or reads
 * its Standard Schema interface. Leaving out those members of zod/mini's schemas (`parse`,
 * `parseAsync`, `safeParse`, `safeParseAsync`, `with`, `brand`, `register`, `apply`) and the lazy
 * `~standard` getter of zod's core lets esbuild drop the code behind them (~0.4 KiB gzipped).
 * Every member must be found exactly once: if a zod upgrade changes these files, the build fails
 * here instead of shipping a half-edited copy (update the lists, or drop this plugin).
 */
const ZOD_UNUSED_MEMBERS: Record<string, string[]> = {
  "mini/schemas.js": [
    "with",
    "parse",
    "parseAsync",
    "safeParse",
    "safeParseAsync",
    "brand",
    "register",
    "apply",
  ],
  "core/schemas.js": ['"~standard"'],
};

/** `source` without the named object-literal members (a getter/setter pair counts as one). */
function withoutZodMembers(source: string, members: readonly string[]): string {
  let result = source;
  for (const name of members) {
    // `\n    name(...) {` … `\n    },`: a member at the files' 4-space indent, with its body.
    const member = new RegExp(
      `\\n {4}(?:get |set )?${name.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&")}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n {4}\\},`,
      "g",
    );
    const found = result.match(member)?.length ?? 0;
    const expected = result.includes(`get ${name}(`) ? 2 : 1;
    if (found !== expected) {
      throw new Error(`zod-trim: expected ${expected} definition(s) of ${name}, found ${found}`);
    }
    result = result.replace(member, "");
  }
  return result;
}

const zodTrim: Plugin = {
  name: "zod-trim",
  setup(context) {
    context.onLoad({ filter: /[\\/]zod[\\/]v4[\\/](mini|core)[\\/]schemas\.js$/ }, async (args) => {
      const [, dir = ""] = /[\\/](mini|core)[\\/]schemas\.js$/.exec(args.path) ?? [];
      return {
        contents: withoutZodMembers(
          await readFile(args.path, "utf8"),
          ZOD_UNUSED_MEMBERS[`${dir}/schemas.js`] ?? [],
        ),
        loader: "js",
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

/**
 * The embed's React is its own renderer (src/renderer/): "react" → src/renderer/react.ts (elements
 * and hooks), "react-dom/client" → src/renderer/client.ts (createRoot), "react/jsx-runtime" →
 * src/renderer/jsx-runtime.ts. Anything else of React fails the build.
 */
export const reactToRenderer: Plugin = {
  name: "react-to-renderer",
  setup(context) {
    const modules: Record<string, string> = {
      react: "renderer/react.ts",
      "react-dom/client": "renderer/client.ts",
      "react/jsx-runtime": "renderer/jsx-runtime.ts",
      "react/jsx-dev-runtime": "renderer/jsx-runtime.ts",
    };
    context.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => {
      const module = modules[args.path];
      if (module) return { path: src(module) };
      return { errors: [{ text: `${args.path} is not available in the embed build` }] };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  minify: true,
  platform: "browser",
  target: "es2020",
  jsx: "automatic",
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [cssAsText, zodWithoutGlobals],
  logLevel: "warning",
  write: false,
};

/** The scripts under dist/v1/, by file name, with their entry points. */
export const EMBED_SCRIPTS = {
  "widget.js": "loader/loader.ts",
  "form.js": "embed.tsx",
  "form-en.js": "loader/english.ts",
} as const;
export type TEmbedScript = keyof typeof EMBED_SCRIPTS;

/** An embed script's esbuild options (`overrides` for measuring, e.g. with zod left out). */
export const embedOptions = (entry: TEmbedScript, overrides: BuildOptions = {}): BuildOptions => ({
  ...common,
  metafile: true,
  entryPoints: [src(EMBED_SCRIPTS[entry])],
  format: "iife",
  plugins: [reactToRenderer, launcherCss, cssAsText, zodWithoutGlobals, zodTrim],
  banner: {
    js:
      entry === "form.js"
        ? "/*! Beian Center widget v1 form */"
        : `/*! Beian Center widget v1${entry === "widget.js" ? "" : " English texts"} */`,
  },
  ...overrides,
});

export type TBuiltScript = { code: string; metafile: Metafile };

/**
 * esbuild's minified output, minified again by terser: its compressor, run to a fixed point
 * (`passes`), inlines and folds what esbuild leaves (single-use functions and variables, `let`
 * chains, repeated conditions): about 0.55 KiB less gzipped for the form, 0.15 KiB for the loader.
 * Non-ASCII stays escaped (`ascii_only`, as esbuild writes it: safe on pages in any charset); the
 * banner (`/*!`) is kept.
 */
async function compress(code: string, entry: TEmbedScript): Promise<string> {
  const result = await minify(code, {
    ecma: 2020,
    compress: { passes: 3, unsafe: true, unsafe_arrows: true, pure_getters: true },
    mangle: true,
    format: { ascii_only: true, comments: /^!/ },
  });
  if (!result.code) throw new Error(`terser produced no ${entry}`);
  return result.code;
}

/** One embed script, built in memory (with esbuild's metafile, to see what takes the bytes). */
export async function buildEmbedScript(
  entry: TEmbedScript,
  overrides: BuildOptions = {},
): Promise<TBuiltScript> {
  const result = await build(embedOptions(entry, overrides));
  const output = result.outputFiles?.[0];
  if (!output || !result.metafile) throw new Error(`esbuild produced no ${entry}`);
  return { code: await compress(output.text, entry), metafile: result.metafile };
}

/** The three embed scripts of dist/v1/, built in memory. */
export async function buildEmbed(): Promise<Record<TEmbedScript, TBuiltScript>> {
  const entries = Object.keys(EMBED_SCRIPTS) as TEmbedScript[];
  const built = await Promise.all(entries.map((entry) => buildEmbedScript(entry)));
  return Object.fromEntries(entries.map((entry, i) => [entry, built[i]])) as Record<
    TEmbedScript,
    TBuiltScript
  >;
}

/** The React component, built in memory (react and react-dom are the partner's). */
export async function buildReact(): Promise<string> {
  const result = await build({
    ...common,
    entryPoints: [src("react.tsx")],
    format: "esm",
    external: ["react", "react/*", "react-dom", "react-dom/*"],
  });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error("esbuild produced no React module");
  return output.text;
}

/** dist/react.d.ts, from the one definition of the options in src/widgetOptions.ts. */
export async function reactTypes(): Promise<string> {
  const source = await readFile(src("widgetOptions.ts"), "utf8");
  const options = /export type TWidgetOptions = (\{[\s\S]*?\n\});/.exec(source)?.[1];
  if (!options) throw new Error("TWidgetOptions not found in src/widgetOptions.ts");
  return `/** The Beian Center lead/order widget as a React component (rendered into a shadow root). */
import type { JSX } from "react";

/** The same options as the embed tag's data attributes. */
export type BeianWidgetProps = ${options};

export declare function BeianWidget(props: BeianWidgetProps): JSX.Element;
`;
}

export const sizes = (code: string) => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code).length,
});

async function main(outDir: string): Promise<void> {
  const built = await buildEmbed();
  await mkdir(path.join(outDir, "v1"), { recursive: true });
  for (const [file, { code }] of Object.entries(built)) {
    await writeFile(path.join(outDir, "v1", file), code);
    const { raw, gzip, brotli } = sizes(code);
    console.log(`dist/v1/${file}: ${raw} B, gzip ${gzip} B, brotli ${brotli} B`);
  }
  await writeFile(path.join(outDir, "react.js"), await buildReact());
  await writeFile(path.join(outDir, "react.d.ts"), await reactTypes());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  await main(path.resolve(outDir ?? path.join(root, "dist")));
}
