import type { WordContent } from '@parley/domain';
import { acceptedText, rejectedText } from '@parley/domain';
import { fileRefused } from './file-refusals';
import { fileKind, OLD_WORD_DOCUMENT, ZIP_NOT_WORD } from './file-kind';
import { checkDeclaredExpansion, inflateParts, zipDirectory, type DeclaredPart } from './safe-unzip';
import { WordBody } from './word-body';
import { readParagraphStyles } from './word-styles';
import { parseXmlPart, wChild, wName } from './xml-part';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const CORE = 'docProps/core.xml';
const READ = new Set([DOCUMENT, STYLES, CONTENT_TYPES, CORE]);

/** VBA projects: Word's own part name, and any binary part named after VBA. */
const MACRO_PART = /(^|\/)vbaProject\.bin$|vba[^/]*\.bin$/i;
/** A content type of a macro-enabled document, or of a VBA project. */
const MACRO_CONTENT_TYPE = /macroEnabled|vnd\.ms-office\.vbaProject/i;

function refuseWhatIsNotADocx(bytes: Buffer): void {
  const kind = fileKind(bytes);
  if (kind.kind === 'ole') throw kind.encrypted ? fileRefused('docx-encrypted') : fileRefused('upload-not-docx', { found: OLD_WORD_DOCUMENT });
  if (kind.kind === 'other') throw fileRefused('upload-not-docx', { found: kind.found });
}

function refuseMacros(parts: readonly DeclaredPart[], contentTypes: string | null): void {
  if (parts.some((p) => MACRO_PART.test(p.name)) || (contentTypes !== null && MACRO_CONTENT_TYPE.test(contentTypes))) throw fileRefused('docx-has-macros');
}

const hasText = (content: WordContent) =>
  content.blocks.some((b) => (b.type === 'paragraph' ? [b] : b.rows.flat(2)).some((p) => acceptedText(p).trim() !== '' || rejectedText(p).trim() !== ''));

/** The document's title property (dc:title in docProps/core.xml), trimmed; null when absent or blank. */
function coreTitle(bytes: Uint8Array | undefined): string | null {
  if (!bytes) return null;
  const doc = parseXmlPart(CORE, bytes);
  const titles = doc.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title');
  const title = titles.length > 0 ? (titles.item(0)?.textContent ?? '').trim() : '';
  return title || null;
}

/**
 * Opens an uploaded Word file (decision 0044), refusing it before anything is created when it is not
 * a .docx, is password-protected, expands like a zip bomb, carries macros, has damaged XML or a DTD,
 * or has no text. Nothing in the file is run: no entity is expanded, no reference followed.
 */
export function openDocx(bytes: Buffer): WordContent {
  refuseWhatIsNotADocx(bytes);
  const declared = zipDirectory(bytes);
  if (!declared.some((p) => p.name === DOCUMENT)) throw fileRefused('upload-not-docx', { found: ZIP_NOT_WORD });
  checkDeclaredExpansion(declared, bytes.length);
  refuseMacros(declared, null);
  const parts = inflateParts(bytes, declared, (name) => READ.has(name));
  const contentTypes = parts.get(CONTENT_TYPES);
  if (contentTypes) refuseMacros(declared, parseXmlPart(CONTENT_TYPES, contentTypes).documentElement?.toString() ?? '');
  const documentBytes = parts.get(DOCUMENT);
  if (!documentBytes) throw fileRefused('docx-unreadable', { part: DOCUMENT });
  const document = parseXmlPart(DOCUMENT, documentBytes);
  const stylesBytes = parts.get(STYLES);
  const styles = readParagraphStyles(stylesBytes ? parseXmlPart(STYLES, stylesBytes) : null);
  const root = document.documentElement;
  const body = root && wName(root) === 'document' ? wChild(root, 'body') : undefined;
  if (!body) throw fileRefused('docx-unreadable', { part: DOCUMENT });
  const reader = new WordBody(styles, DOCUMENT);
  const blocks = reader.blocks(body);
  const had = { ...reader.had, comments: reader.had.comments || declared.some((p) => p.name === 'word/comments.xml') };
  const content: WordContent = { blocks, title: coreTitle(parts.get(CORE)), had };
  if (!hasText(content)) throw fileRefused('docx-no-text');
  return content;
}
