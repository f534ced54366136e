// Writes .br and .gz beside every compressible file trunk built, so the server sends the smallest
// file without compressing on each request (tower-http's ServeDir picks them up).
// Usage: node scripts/precompress.mjs dist
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const compressible = /\.(wasm|js|css|html|svg|webmanifest|json)$/;
let raw = 0, br = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !compressible.test(name)) continue;
  const data = readFileSync(path);
  const b = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(path + ".br", b);
  writeFileSync(path + ".gz", gzipSync(data, { level: 9 }));
  raw += data.length;
  br += b.length;
}
console.log(`precompressed ${dir}: ${raw} bytes -> ${br} bytes with brotli`);
