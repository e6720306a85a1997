// Queries a built site's Pagefind index with Pagefind's own pagefind.js, in Node: fetch is
// answered from the files on disk, so what is tested is exactly what a browser would load.
// Usage: node pagefind-query.mjs <siteDir> <query>  → prints JSON results with sub-results.
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import path from "node:path";

const [siteDir, query] = process.argv.slice(2);
const bundle = path.resolve(siteDir, "pagefind");

globalThis.fetch = async (input) => {
  const url = new URL(typeof input === "string" ? input : input.url, pathToFileURL(bundle + "/"));
  const file = url.protocol === "file:" ? fileURLToPath(url) : path.join(path.resolve(siteDir), decodeURIComponent(url.pathname));
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200 });
  } catch {
    return new Response("", { status: 404 });
  }
};
globalThis.window = globalThis;
globalThis.location = new URL("http://localhost/");
globalThis.document = { currentScript: null, querySelector: () => null };

const pagefind = await import(pathToFileURL(path.join(bundle, "pagefind.js")).href);
await pagefind.options({ basePath: pathToFileURL(bundle + "/").href, baseUrl: "/" });
await pagefind.init();
const search = await pagefind.search(query);
const results = [];
for (const r of search.results.slice(0, 10)) {
  const d = await r.data();
  results.push({ url: d.url, title: d.meta?.title, sub_results: (d.sub_results || []).map(s => ({ url: s.url, title: s.title })) });
}
console.log(JSON.stringify({ query, count: search.results.length, results }, null, 2));
