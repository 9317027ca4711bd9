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

  it('leaves other pages generic, and a failing resolver falls back to generic', async () => {
    const registry = new PageMetaRegistry();
    registry.register('/people/:id', async () => {
      throw new Error('no such person');
    });
    expect(await registry.resolve('/people/x')).toBeNull();
    expect(await registry.resolve('/organisations')).toBeNull();
    expect(withPageMeta(html, null)).toBe(html);
  });
});
