import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontName } from './script-runs';

/** Each font by its package and file (docs/decisions/0048: Noto Sans Arabic and SC, SIL Open Font Licence). */
const FILES: Record<FontName, [pkg: string, file: string]> = {
  serif: ['dejavu-fonts-ttf', 'ttf/DejaVuSerif.ttf'],
  serifBold: ['dejavu-fonts-ttf', 'ttf/DejaVuSerif-Bold.ttf'],
  serifItalic: ['dejavu-fonts-ttf', 'ttf/DejaVuSerif-Italic.ttf'],
  sans: ['dejavu-fonts-ttf', 'ttf/DejaVuSans.ttf'],
  sansBold: ['dejavu-fonts-ttf', 'ttf/DejaVuSans-Bold.ttf'],
  arabic: ['@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'],
  arabicBold: ['@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'],
  cjk: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
  cjkBold: ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'],
};

let loaded: Record<FontName, Buffer> | null = null;

/**
 * The fonts, read once per process (pdfkit parses one only when a page uses it, and embeds only the
 * glyphs used). Found through each package's own package.json, so the path holds from the sources
 * under jest and from the built dist/api alike.
 */
export function printFonts(): Record<FontName, Buffer> {
  if (!loaded) {
    loaded = Object.fromEntries(
      Object.entries(FILES).map(([font, [pkg, file]]) => [font, readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file))]),
    ) as Record<FontName, Buffer>;
  }
  return loaded;
}
