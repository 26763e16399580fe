#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Before anything else loads: start checking the last corpus's stamps in a worker thread.
try {
  (await import('../dist/index/early-check.js')).startEarlyCheck();
} catch {
  // Not built yet, or no worker threads: the check runs later.
}

// The bundle (npm run build) starts faster, compiled with V8's code cache; the plain build is the fallback.
const bundle = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
let cli;
let codeCache;
if (existsSync(bundle)) {
  const [{ loadBundle }, { defaultCacheDir }] = await Promise.all([import('../dist/cli/code-cache.js'), import('../dist/engine/paths.js')]);
  codeCache = loadBundle(bundle, defaultCacheDir());
  cli = codeCache.exports;
} else {
  cli = await import('../dist/cli/main.js');
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await cli.runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  readStdin,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ownProcess: true,
});
codeCache?.save(cli.finishRun());
process.exitCode = code;
