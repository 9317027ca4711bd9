import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PageMetaRegistry, withPageMeta } from './page-meta';

/**
 * Serves the built single-page app. Client-side routes fall back to index.html, with the page's
 * own title and description filled in server-side where a context registered them.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string | null): void {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h', setHeaders: (res, path) => path.includes('/assets/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable') });
  // Re-read when the build changes it (asset names are content-hashed), so a rebuild never serves stale names.
  const indexFile = join(webDir, 'index.html');
  let cached = { mtimeMs: -1, html: '' };
  const indexHtml = () => {
    const { mtimeMs } = statSync(indexFile);
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
    return cached.html;
  };
  const meta = app.get(PageMetaRegistry);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io') || /\.[a-z0-9]+$/i.test(req.path)) return next();
    meta.resolve(req.path).then(
      (m) => res.type('html').setHeader('Cache-Control', 'no-cache').send(withPageMeta(indexHtml(), m)),
      next,
    );
  });
}
