#!/usr/bin/env node
import { runCli } from '../dist/cli/main.js';

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
});
process.exitCode = code;
