/** Upper-cases and trims an id as a rule writes it (`t1059.001 ` → `T1059.001`). */
export function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * Whether a normalised id has the technique shape T\d{4}(\.\d{3})?.
 * Hand-written rather than a regex: it runs for every tag of every rule.
 */
export function isTechniqueId(id: string): boolean {
  if (id.length !== 5 && id.length !== 9) return false;
  if (id.charCodeAt(0) !== 84 /* T */) return false;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (i === 5) {
      if (c !== 46 /* . */) return false;
    } else if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/** `T1102.002` → `T1102`; undefined for a technique id. */
export function parentOf(id: string): string | undefined {
  const dot = id.indexOf('.');
  return dot < 0 ? undefined : id.slice(0, dot);
}

/** The attack.mitre.org page of a technique, spelt as the bundles spell it (no trailing slash). */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}`;
}

/** A page url as given, without a trailing slash (change files add one), or the usual page. */
export function canonicalUrl(url: string | undefined, id: string): string {
  if (!url) return techniqueUrl(id);
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
