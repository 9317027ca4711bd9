import { csvCell, toCsv, UTF8_BOM } from '../../apps/api/src/platform/http/csv';

describe('the CSV writer of every export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a cell a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves formula characters alone when they are not first', () => {
    expect(csvCell('a=b+c-d@e')).toBe('a=b+c-d@e');
  });

  it.each([
    ['say "hi"', '"say ""hi"""'],
    ['one, two', '"one, two"'],
    ['line\nbreak', '"line\nbreak"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    ['plain', 'plain'],
  ])('quotes a cell holding a quote, comma, CR or LF: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes null and undefined as empty cells, numbers and booleans as text', () => {
    expect([null, undefined, '', 0, 12.5, true, false].map(csvCell)).toEqual(['', '', '', '0', '12.5', 'true', 'false']);
  });

  it('writes the byte-order mark, the header, then each row, every line ended by CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', null],
          ['x,y', -1],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n1,\r\n"x,y",\'-1\r\n');
    expect(toCsv(['only'], [])).toBe('\uFEFFonly\r\n');
  });

  it('starts with the UTF-8 byte-order mark, so a spreadsheet reads accented names as written', () => {
    const bytes = Buffer.from(toCsv(['person', 'organisation'], [['Zoë Müller-Çelik', 'Ministère des Affaires étrangères']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(UTF8_BOM).toBe('\uFEFF');
    expect(bytes.subarray(3).toString('utf8')).toBe('person,organisation\r\nZoë Müller-Çelik,Ministère des Affaires étrangères\r\n');
  });
});
