// A pandoc 3.x command line over pandoc.wasm (npm package pandoc-wasm): its
// Lua 5.4 cannot load C modules, like the static pandoc 3.x release binaries,
// so a newsc filter run here uses the pure-Lua backend (newsc.pure).
//
//   node tools/pandoc3/pandoc3.mjs [-f FMT] [-t FMT] [-s] [-o OUT]
//        [-M KEY=VALUE]... [--lua-filter FILE]... [--with-file FILE]... [--version] INPUT...
//
// --with-file (not a pandoc option) gives pandoc.wasm a file that filters may
// read (for instance the articles named in newsc-articles) without it being
// an input.
// pandoc.wasm sees a flat file system: each input and filter is given to it
// under its base name (two inputs may not share one), and a filter reads only
// those files. Exit status 0 on success, 1 when pandoc reports an error.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
const opts = { "input-files": [], filters: [], metadata: {} };
const files = {};
let out = null;

function give(path) {
  const name = basename(path);
  if (name in files) throw new Error(`two files named ${name}`);
  files[name] = readFileSync(path, "utf8");
  return name;
}

for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => {
    if (i + 1 >= args.length) throw new Error(`${a} needs a value`);
    return args[++i];
  };
  if (a === "-f" || a === "--from") opts.from = next();
  else if (a === "-t" || a === "--to") opts.to = next();
  else if (a === "-s" || a === "--standalone") opts.standalone = true;
  else if (a === "-o" || a === "--output") out = next();
  else if (a === "-M" || a === "--metadata") {
    const kv = next();
    const eq = kv.indexOf("=");
    if (eq < 0) opts.metadata[kv] = true;
    else opts.metadata[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else if (a === "-L" || a === "--lua-filter") opts.filters.push(give(next()));
  else if (a === "--with-file") give(next());
  else if (a === "--version") opts.version = true;
  else if (a.startsWith("-")) throw new Error(`option ${a} is not supported here`);
  else opts["input-files"].push(give(a));
}

const pandoc = await import("pandoc-wasm");
if (opts.version) {
  // pandoc.wasm's own version file
  const v = readFileSync(new URL("./node_modules/pandoc-wasm/pandoc-version.txt", import.meta.url), "utf8");
  console.log(`pandoc ${v.trim()} (pandoc.wasm)`);
  process.exit(0);
}
if (!opts.to) opts.to = "html";
if (Object.keys(opts.metadata).length === 0) delete opts.metadata;
const r = await pandoc.convert(opts, null, files);
if (r.stderr) process.stderr.write(r.stderr);
for (const w of r.warnings || []) process.stderr.write(`[WARNING] ${JSON.stringify(w)}\n`);
if (r.stderr && !r.stdout) process.exit(1);
if (out) writeFileSync(out, r.stdout);
else process.stdout.write(r.stdout);
