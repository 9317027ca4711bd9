import { Injectable } from '@nestjs/common';
import { FIXED_PAGE_META } from './fixed-page-meta';

export interface PageMeta {
  title: string;
  description: string;
  /** The page's Atom feed (issue #20), announced for feed readers' autodiscovery: a path from the site's root. */
  feed?: { title: string; href: string };
}

type Resolver = (params: Record<string, string>) => Promise<PageMeta | null>;

/**
 * Server-side titles and descriptions for the single-page app's public URLs, so that search
 * engines and link previews see what a page is about. Each context registers its patterns
 * (e.g. `/working-groups/:id`) with a resolver reading its own data; the fixed pages (no data to
 * read) come registered.
 */
@Injectable()
export class PageMetaRegistry {
  private readonly routes: { pattern: RegExp; names: string[]; resolve: Resolver }[] = [];

  constructor() {
    for (const [path, meta] of Object.entries(FIXED_PAGE_META)) this.register(path, async () => meta);
  }

  register(path: string, resolve: Resolver): void {
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
    this.routes.push({ pattern, names, resolve });
  }

  async resolve(path: string): Promise<PageMeta | null> {
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      try {
        const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
        return await r.resolve(params);
      } catch {
        return null; // a bad id, a malformed %-escape or a missing row: the generic title is fine
      }
    }
    return null;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Puts the page's title and description into index.html (replacing the generic ones). */
export function withPageMeta(indexHtml: string, meta: PageMeta | null): string {
  if (!meta) return indexHtml;
  const title = escapeHtml(`${meta.title} · Parley`);
  const description = escapeHtml(meta.description.slice(0, 300));
  const feed = meta.feed ? `\n    <link rel="alternate" type="application/atom+xml" title="${escapeHtml(meta.feed.title)}" href="${escapeHtml(meta.feed.href)}" />` : '';
  const tags = `<title>${title}</title>\n    <meta name="description" content="${description}" />\n    <meta property="og:title" content="${title}" />\n    <meta property="og:description" content="${description}" />${feed}`;
  const withoutOld = indexHtml.replace(/<title>[\s\S]*?<\/title>/i, '').replace(/<meta\s+name="description"[^>]*>/i, '');
  // A function, not a string: in a replacement string `$'`, `$&`… in a name would splice the page's own HTML into the title.
  return withoutOld.replace(/<head>/i, () => `<head>\n    ${tags}`);
}
