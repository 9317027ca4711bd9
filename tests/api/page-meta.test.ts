import { PageMetaRegistry, withPageMeta } from '../../apps/api/src/platform/http/page-meta';

describe('server-side page titles for public pages', () => {
  const html = '<!doctype html><html><head><title>Parley</title><meta name="description" content="generic" /></head><body></body></html>';

  it('fills the title and description of a registered route, escaping what people wrote', async () => {
    const registry = new PageMetaRegistry();
    registry.register('/working-groups/:id', async ({ id }) => ({ title: `Group ${id} <script>`, description: 'Members "and" chairs' }));
    const meta = await registry.resolve('/working-groups/abc');
    const page = withPageMeta(html, meta);
    expect(page).toContain('<title>Group abc &lt;script&gt; · Parley</title>');
    expect(page).toContain('<meta name="description" content="Members &quot;and&quot; chairs" />');
    expect(page).not.toContain('content="generic"');
    expect(page.match(/<title>/g)).toHaveLength(1);
  });

  it('announces a page’s Atom feed for feed readers (issue #20), escaped', async () => {
    const page = withPageMeta(html, { title: 'Norms', description: 'A group.', feed: { title: 'Norms & co — public acts', href: '/api/working-groups/abc/feed.atom' } });
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Norms &amp; co — public acts" href="/api/working-groups/abc/feed.atom" />');
    expect(withPageMeta(html, { title: 'Norms', description: 'A group.' })).not.toContain('application/atom+xml');
  });

  it('leaves other pages generic, and a failing resolver falls back to generic', async () => {
    const registry = new PageMetaRegistry();
    registry.register('/people/:id', async () => {
      throw new Error('no such person');
    });
    expect(await registry.resolve('/people/x')).toBeNull();
    expect(await registry.resolve('/organisations')).toBeNull();
    expect(withPageMeta(html, null)).toBe(html);
  });

  it('titles the fixed page /how-it-works, with or without a trailing slash', async () => {
    const registry = new PageMetaRegistry();
    for (const path of ['/how-it-works', '/how-it-works/']) {
      const page = withPageMeta(html, await registry.resolve(path));
      expect(page).toContain('<title>How Parley works · Parley</title>');
      expect(page).toMatch(/<meta name="description" content="The rules of Parley, where governments, companies and civil society draft international norms together: [^"]+" \/>/);
      expect(page).toContain('<meta property="og:title" content="How Parley works · Parley" />');
    }
    expect(await registry.resolve('/how-it-works/more')).toBeNull();
  });
});
