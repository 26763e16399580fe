import { performance } from 'node:perf_hooks';

/** Milliseconds spent per check (and per phase), summed over a run. */
export interface Timing {
  start(): number;
  add(name: string, started: number): void;
  table(top?: number): string;
}

/**
 * A timer when LINT_RULE_TIMING is set (ESLint's TIMING=1, under our name),
 * else undefined, so that a normal run pays one optional-chaining test per
 * check and nothing more.
 */
export function timing(env: string | undefined = process.env.LINT_RULE_TIMING): Timing | undefined {
  if (!env) return undefined;
  const spent = new Map<string, number>();
  return {
    start: () => performance.now(),
    add(name, started) {
      spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
    },
    table(top = Number(env) > 1 ? Number(env) : 15) {
      const rows = [...spent].sort((a, b) => b[1] - a[1]);
      const total = rows.reduce((n, [, ms]) => n + ms, 0);
      const width = Math.max(5, ...rows.slice(0, top).map(([name]) => name.length));
      const lines = [`${'Check'.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|-----------|---------`];
      for (const [name, ms] of rows.slice(0, top)) {
        lines.push(`${name.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((100 * ms) / (total || 1)).toFixed(1).padStart(7)}%`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
