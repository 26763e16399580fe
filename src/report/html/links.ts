/** Where a page links to: the site's own pages, or nothing for a page written on its own. */
export interface PageLinks {
  /** The matrix page, from this page; undefined for a standalone page. */
  matrix?: string;
  /** The gap report page, when the site was given a repository. */
  gaps?: string;
  /** A technique's page in the site, or undefined when it has none (its ATT&CK page is linked instead). */
  technique(id: string): string | undefined;
}

/** Links of a page written alone (`explain --format html`): only ATT&CK's own pages. */
export const STANDALONE_LINKS: PageLinks = { technique: () => undefined };

/** ATT&CK's page of a technique (what the catalog also links). */
export function attackUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}
