/** A CSV export as a spreadsheet program receives it. */
export interface CsvDownload {
  status: number;
  /** Whether the bytes start with the UTF-8 byte-order mark (EF BB BF); fetch's `text()` would silently drop it. */
  hasBom: boolean;
  /** The bytes after the byte-order mark, decoded as strict UTF-8. */
  text: string;
  /** The text's lines (CRLF-separated), the header first, without the empty one after the last CRLF. */
  lines: string[];
}

const BOM = [0xef, 0xbb, 0xbf];

const getOnce = (url: string) => fetch(url, { headers: { accept: 'text/csv' } });

/** Downloads a CSV export and reads its bytes, the byte-order mark included. */
export async function downloadCsv(url: string): Promise<CsvDownload> {
  const res = await getOnce(url).catch((error: unknown) => {
    // A kept-alive socket the server closed while idle (a loaded machine widens that window) fails before any
    // answer; a browser retries such a GET once, and so does this. A server that is down fails the second time too.
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return getOnce(url);
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(BOM.length) : bytes);
  return { status: res.status, hasBom, text, lines: text.replace(/\r\n$/, '').split('\r\n') };
}
