import { csvCell, toCsv } from '../../apps/api/src/platform/http/csv';

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

  it('writes the header, then each row, every line ended by CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', null],
          ['x,y', -1],
        ],
      ),
    ).toBe('a,b\r\n1,\r\n"x,y",\'-1\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });
});
