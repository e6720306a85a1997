// Queries a built site's search index the way its search page does: Pagefind's own pagefind.js
// from the site, with every index the page lists merged in (data-indexes on search/index.html),
// run in Node with fetch answered from the files on disk. Prints JSON: the results with their
// sub-results, and every file the query fetched with its size.
// Usage: node pagefind-query.mjs <siteDir> <query> [--base /path/] [--filter key=value]… [--sort date:desc] [--data N] [--counts 1]
// --counts loads every filter first (as the page does when its filters are opened), so the
// search reports how many results each filter value has.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const args = process.argv.slice(2);
const siteDir = path.resolve(args[0]);
const query = args[1] === "" ? null : args[1];
let base = "/", data = 10, counts = false;
const filters = {}, sort = {};
for (let i = 2; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  if (flag === "--base") base = value;
  else if (flag === "--filter") { const [k, v] = value.split(/=(.*)/s); filters[k] = v; }
  else if (flag === "--sort") { const [k, v] = value.split(":"); sort[k] = v; }
  else if (flag === "--data") data = Number(value);
  else if (flag === "--counts") counts = value === "1";
  else throw new Error("unknown option " + flag);
}

const page = await readFile(path.join(siteDir, "search", "index.html"), "utf8");
const attribute = (name) => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(page);
  if (!m) throw new Error(`search/index.html has no ${name}`);
  return m[1].replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
};
const indexes = JSON.parse(attribute("data-indexes"));
const bundleUrl = attribute("data-bundle");

// URLs under the base path are files of the site.
const fetched = [];
const fileOf = (url) => {
  const pathname = decodeURIComponent(new URL(url, "http://site.test/").pathname);
  if (!pathname.startsWith(base)) return null;
  return path.join(siteDir, pathname.slice(base.length));
};
globalThis.fetch = async (input) => {
  const url = typeof input === "string" ? input : input.url;
  const file = fileOf(url);
  try {
    const body = await readFile(file);
    fetched.push({ url: new URL(url, "http://site.test/").pathname, bytes: body.length });
    return new Response(body, { status: 200 });
  } catch {
    fetched.push({ url, bytes: 0, missing: true });
    return new Response("", { status: 404 });
  }
};
globalThis.window = globalThis;
globalThis.location = new URL("http://site.test/");
globalThis.document = { currentScript: null, querySelector: () => null };

const pagefind = await import(pathToFileURL(fileOf(bundleUrl + "pagefind.js")).href);
// As the search page does: the primary is the index whose url is the bundle's.
const primary = indexes.find((index) => index.url === bundleUrl) ?? indexes[0];
await pagefind.options({ basePath: bundleUrl, baseUrl: base, excerptLength: 24, highlightParam: "pagefind-highlight", mergeFilter: { "archive-index": primary.name } });
for (const index of indexes.filter((index) => index !== primary)) await pagefind.mergeIndex(index.url, { mergeFilter: { "archive-index": index.name } });
if (counts) await pagefind.filters();
const search = await pagefind.search(query, { filters, sort });
const searchBytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
const results = [];
for (const r of search.results.slice(0, data)) {
  const d = await r.data();
  results.push({
    url: d.url, title: d.meta?.title, filters: d.filters, excerpt: d.excerpt, content: d.content,
    anchors: d.anchors.map(a => ({ id: a.id, element: a.element, title: a.title ?? null })),
    sub_results: (d.sub_results || []).map(s => ({ url: s.url, title: s.title, excerpt: s.excerpt, element: s.anchor?.element ?? null })),
  });
}
console.log(JSON.stringify({
  query, count: search.results.length, filters: search.filters, results,
  searchBytes, totalBytes: fetched.reduce((sum, f) => sum + f.bytes, 0), fetched,
}, null, 2));
