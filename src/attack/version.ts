import path from 'node:path';
import type { VersionSource } from './table.js';

/** Compares `18.1` with `19` / `19.0` numerically, part by part (missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}

export function isVersion(v: string): boolean {
  return /^\d+(\.\d+)*$/.test(v);
}

/**
 * Enterprise content releases by the day their objects were stamped. Only
 * used for bundles stripped of their x-mitre-collection object (the one
 * under ../shared is): a release's objects carry a `modified` no later than
 * its release day, and later than the previous release's. 17.0 is only the
 * floor of the 17.1 range. Sources: MITRE's data-model changelog (18.0:
 * 28 Oct 2025), the v19 release notes (19.0: 28 Apr 2026), the newest
 * `modified` of the v18.1 bundle itself (12 Nov 2025).
 */
const RELEASE_DAYS: readonly (readonly [version: string, day: string])[] = [
  ['17.0', '2025-04-22'],
  ['17.1', '2025-04-25'],
  ['18.0', '2025-10-28'],
  ['18.1', '2025-11-12'],
  ['19.0', '2026-04-28'],
];

export function versionFromNewestModified(newestModified: string): string | undefined {
  const day = newestModified.slice(0, 10);
  for (let i = 1; i < RELEASE_DAYS.length; i++) {
    const prev = RELEASE_DAYS[i - 1] as readonly [string, string];
    const cur = RELEASE_DAYS[i] as readonly [string, string];
    if (day > prev[1] && day <= cur[1]) return cur[0];
  }
  return undefined;
}

/** `enterprise-attack-18.1.json`, as attack-stix-data names its release files. */
export function versionFromFileName(file: string): string | undefined {
  const m = /^enterprise-attack-(\d+\.\d+)\.json$/.exec(path.basename(file));
  return m?.[1];
}

/**
 * The content version of a bundle: the x-mitre-collection's x_mitre_version
 * when present (official bundles), else the file name, else the newest
 * object's `modified` day.
 */
export function bundleVersion(
  collectionVersion: string | undefined,
  file: string,
  newestModified: string,
): { version: string; source: VersionSource } {
  if (collectionVersion && isVersion(collectionVersion)) return { version: collectionVersion, source: 'collection' };
  const fromName = versionFromFileName(file);
  if (fromName) return { version: fromName, source: 'file-name' };
  const fromDate = newestModified ? versionFromNewestModified(newestModified) : undefined;
  if (fromDate) return { version: fromDate, source: 'modified-date' };
  return { version: 'unknown', source: 'unknown' };
}
