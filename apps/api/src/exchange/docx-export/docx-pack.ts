import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { type Document, Packer } from 'docx';
import { Zip, type ZipInputFile } from 'fflate';

/** docx's compiler: the document's parts (path → XML text or bytes), before its packer zips them. */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

const deflate = promisify(deflateRaw);

/** A part of the file deflated by Node's zlib, which runs on libuv's thread pool: the event loop is not held. */
async function deflatedPart(filename: string, data: string | Uint8Array): Promise<{ file: ZipInputFile; bytes: Uint8Array<ArrayBuffer> }> {
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // zlib answers a Buffer of its own memory, never a shared one.
  return { file: { filename, size: raw.length, crc: crc32(raw), compression: 8 }, bytes: (await deflate(raw, { level: 6 })) as Uint8Array<ArrayBuffer> };
}

/**
 * The Word file's bytes (decisions 0044, 0065). docx's own packer deflates synchronously, holding the
 * event loop for the whole archive; fflate's asynchronous zip starts a worker thread for each large
 * part, and starting one costs more than the rest of the export. So the parts come from docx's
 * compiler, are deflated by zlib, and fflate writes the archive around them. docx does not export its
 * compiler, so it is read off the packer; without it (another docx version), its packer is used.
 */
export async function packDocx(doc: Document): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') return Packer.toBuffer(doc);
  const parts = await Promise.all([...compiler.compile(doc)].map(([path, data]) => deflatedPart(path, data)));
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const archive = new Zip((error, chunk) => (error ? (failure = error) : chunks.push(chunk)));
  for (const { file, bytes } of parts) {
    archive.add(file);
    file.ondata!(null, bytes, true);
  }
  archive.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
