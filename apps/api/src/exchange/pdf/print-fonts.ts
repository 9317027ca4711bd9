import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Face } from './line-breaking';

const FILES: Record<Face, string> = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
};

let loaded: Record<Face, Buffer> | null = null;

/**
 * The DejaVu fonts, read once per process. Found through the package's own package.json, so the
 * path holds from the sources under jest and from the built dist/api alike.
 */
export function printFonts(): Record<Face, Buffer> {
  if (!loaded) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    loaded = Object.fromEntries(Object.entries(FILES).map(([face, file]) => [face, readFileSync(join(dir, file))])) as Record<Face, Buffer>;
  }
  return loaded;
}
