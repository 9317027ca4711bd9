import { type Document, Packer } from 'docx';
import { strToU8, zip, type AsyncZippable } from 'fflate';

/** docx's compiler: the document's parts (path → XML text or bytes), before its packer zips them. */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The Word file's bytes, zipped by fflate's asynchronous deflate (decision 0044): docx's own packer
 * deflates synchronously, which holds the event loop for the whole archive. docx does not export its
 * compiler, so it is read off the packer; without it (another docx version), its packer is used.
 */
export async function packDocx(doc: Document): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') return Packer.toBuffer(doc);
  const parts: AsyncZippable = {};
  for (const [path, data] of compiler.compile(doc)) parts[path] = typeof data === 'string' ? strToU8(data) : data;
  return new Promise((resolve, reject) => zip(parts, { level: 6 }, (error, bytes) => (error ? reject(error) : resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))));
}
