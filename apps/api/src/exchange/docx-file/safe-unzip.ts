import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { MAX_DOCX_PARTS, MAX_DOCX_XML_PART_BYTES, MAX_UNZIPPED_BYTES } from '@parley/contracts';
import { fileRefused } from './file-refusals';

/** A zip part as its directory declares it. */
export interface DeclaredPart {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

/** Beyond this ratio of unzipped to zipped bytes a file is a zip bomb, once it expands to more than FREE_EXPANSION. */
const MAX_RATIO = 100;
/** A file expanding to less than this cannot harm, whatever its ratio (a short text compresses well). */
const FREE_EXPANSION = 1024 * 1024;
/** Compressed bytes given to the inflater at once: each push yields at most ~1000× this, so a lying part is stopped early. */
const PUSH_BYTES = 8 * 1024;

const tooMuch = () => fileRefused('docx-expands-too-much', { limitMegabytes: MAX_UNZIPPED_BYTES / (1024 * 1024) });

/** The zip's directory, without inflating anything. A damaged directory is not a Word document. */
export function zipDirectory(bytes: Uint8Array): DeclaredPart[] {
  const parts: DeclaredPart[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        parts.push({ name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression });
        if (parts.length > MAX_DOCX_PARTS) throw tooMuch();
        return false;
      },
    });
  } catch (e) {
    if (parts.length > MAX_DOCX_PARTS) throw e;
    throw fileRefused('upload-not-docx', { found: 'damagedZip' });
  }
  return parts;
}

/** Refuses a zip bomb from what its directory declares: too many parts, too many bytes, or too high a ratio. */
export function checkDeclaredExpansion(parts: readonly DeclaredPart[], zippedBytes: number): void {
  if (parts.length > MAX_DOCX_PARTS) throw tooMuch();
  const total = parts.reduce((sum, p) => sum + p.originalSize, 0);
  if (total > MAX_UNZIPPED_BYTES) throw tooMuch();
  if (total > FREE_EXPANSION && total > MAX_RATIO * zippedBytes) throw tooMuch();
}

/**
 * Inflates the named parts, holding each to the size its directory declared (and all of them to the
 * limit): a directory that lies about a part's size is stopped while inflating, not after.
 */
export function inflateParts(bytes: Uint8Array, declared: readonly DeclaredPart[], wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const declaredSize = new Map(declared.map((p) => [p.name, p.originalSize]));
  // A part Parley parses is held to what parsing can afford (held again while inflating: its declared size is its limit).
  if (declared.some((p) => wanted(p.name) && p.originalSize > MAX_DOCX_XML_PART_BYTES))
    throw fileRefused('docx-text-too-large', { limitMegabytes: MAX_DOCX_XML_PART_BYTES / (1024 * 1024) });
  const out = new Map<string, Uint8Array>();
  let total = 0;
  // Set from inside the inflater's callbacks (errors thrown there are swallowed by fflate), read between pushes.
  let failure = null as 'too-much' | { unreadable: string } | null;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || failure) return;
    const limit = declaredSize.get(file.name);
    if (limit === undefined || (file.compression !== 0 && file.compression !== 8)) {
      failure = { unreadable: file.name };
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = { unreadable: file.name };
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limit || total > MAX_UNZIPPED_BYTES) {
        failure = 'too-much';
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) out.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += PUSH_BYTES) unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  } catch {
    failure ??= { unreadable: '(zip)' };
  }
  if (failure === 'too-much') throw tooMuch();
  if (failure) throw fileRefused('docx-unreadable', { part: failure.unreadable });
  return out;
}
