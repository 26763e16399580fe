#!/usr/bin/env node
import { existsSync } from 'node:fs';

// Before anything else loads: start checking the last corpus's stamps in a worker thread.
try {
  (await import('../dist/index/early-check.js')).startEarlyCheck();
} catch {
  // Not built yet, or no worker threads: the check runs later.
}

// The bundle (npm run build) starts faster; the plain build is the fallback.
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { runCli } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js');

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  readStdin,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ownProcess: true,
});
process.exitCode = code;
