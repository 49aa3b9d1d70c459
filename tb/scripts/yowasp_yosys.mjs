// Runs YoWASP Yosys (npm @yowasp/yosys, a WebAssembly build) like the yosys command: the files
// of the current directory are its file system; files it writes or changes are written back.
// usage: NODE_PATH=<dir>/node_modules node yowasp_yosys.mjs <yosys arguments>
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(path.join(process.env.NODE_PATH ?? '.', 'noop.js'));
const { runYosys } = await import(pathToFileURL(require.resolve('@yowasp/yosys')).href);
const tree = {};
for (const f of fs.readdirSync('.')) {
  const st = fs.statSync(f);
  if (st.isFile() && st.size < 64 * 1024 * 1024) tree[f] = fs.readFileSync(f);
}
let out;
try {
  out = await runYosys(process.argv.slice(2), tree);
} catch (e) {
  out = e.files;
  console.error(`yosys exited: ${e.code ?? e}`);
  process.exitCode = e.code ?? 1;
}
for (const [n, d] of Object.entries(out ?? {}))
  if (typeof d === 'string' || d instanceof Uint8Array)
    if (!(n in tree) || Buffer.compare(Buffer.from(d), tree[n]) !== 0) fs.writeFileSync(n, d);
