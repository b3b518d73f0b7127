import { describe, expect, it } from 'vitest';
import { CsvError, parseCsvNumber, parseCsvRows, parseCsvTable } from '../../../src/adapters/csv.js';

const fields = (text: string, options = {}) => parseCsvRows(text, options).map((row) => row.fields);

describe('parseCsvRows', () => {
  it('splits plain fields and records', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('name,quote\n"Ayr, Carrick and Cumnock","He said ""hold"""\n"two\nlines",x\n')).toEqual([
      ['name', 'quote'],
      ['Ayr, Carrick and Cumnock', 'He said "hold"'],
      ['two\nlines', 'x'],
    ]);
  });

  it('accepts CRLF, LF and a missing final line end alike', () => {
    expect(fields('a,b\r\n1,2\r\n')).toEqual(fields('a,b\n1,2'));
  });

  it('strips a byte-order mark from the first header name', () => {
    expect(fields('\uFEFFONS ID,Name\nE1,A\n')[0]).toEqual(['ONS ID', 'Name']);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('skips blank lines', () => {
    expect(fields('a\n\n\r\nb\n')).toEqual([['a'], ['b']]);
  });

  it('skips comment lines only when asked, and only at the start of a record', () => {
    const text = '# about the file\nx,y\n"#not a comment\n# still the field",2\n# trailing note\n';
    expect(fields(text, { comment: '#' })).toEqual([
      ['x', 'y'],
      ['#not a comment\n# still the field', '2'],
    ]);
    expect(fields('#a,b\n', {})).toEqual([['#a', 'b']]);
  });

  it('reports the line a record starts on', () => {
    const rows = parseCsvRows('# note\na,b\n"x\ny",z\nlast,row\n', { comment: '#' });
    expect(rows.map((row) => row.line)).toEqual([2, 3, 5]);
  });

  it('throws on an unterminated quote, naming the line where it opened', () => {
    expect(() => parseCsvRows('a,b\n1,"open\n2,3\n')).toThrow(new CsvError('a quoted field is not closed', 2));
  });

  it('throws on text after a closing quote and on a quote inside an unquoted field', () => {
    expect(() => parseCsvRows('"a"b,c\n')).toThrow(/line 1: unexpected "b" after a closing quote/);
    expect(() => parseCsvRows('a,b\nsay "hi",c\n')).toThrow(/line 2: a quote inside an unquoted field/);
  });
});

describe('parseCsvTable', () => {
  it('reads fields by header name, whatever the column order', () => {
    const one = parseCsvTable('Name,Votes\nAbbey,10\n');
    const two = parseCsvTable('Votes,Name\n10,Abbey\n');
    for (const table of [one, two]) {
      expect(table.records[0]!.get('Name')).toBe('Abbey');
      expect(table.records[0]!.get('Votes')).toBe('10');
      expect(table.records[0]!.get('Missing')).toBeUndefined();
    }
    expect(two.columns).toEqual(['Votes', 'Name']);
  });

  it('trims header names but not values', () => {
    const table = parseCsvTable(' Name , Votes\n Abbey ,10\n');
    expect(table.columns).toEqual(['Name', 'Votes']);
    expect(table.records[0]!.get('Name')).toBe(' Abbey ');
  });

  it('does not treat object keys as columns', () => {
    expect(parseCsvTable('a\n1\n').records[0]!.get('toString')).toBeUndefined();
  });

  it('throws on a row with the wrong number of fields', () => {
    expect(() => parseCsvTable('a,b\n1,2\n3\n')).toThrow(new CsvError('1 fields where the header has 2', 3));
  });

  it('throws on a repeated or unnamed header', () => {
    expect(() => parseCsvTable('a,b,a\n')).toThrow(/column "a" appears twice/);
    expect(() => parseCsvTable('a,,c\n')).toThrow(/column 2 of the header has no name/);
    expect(() => parseCsvTable('')).toThrow(/no header row/);
  });

  it('finds the header after comment lines', () => {
    const table = parseCsvTable('# one\n# two\ncouncil,seats\nBexley,\n', { comment: '#' });
    expect(table.headerLine).toBe(3);
    expect(table.records[0]!.get('seats')).toBe('');
  });
});

describe('parseCsvNumber', () => {
  it('reads plain and grouped numbers', () => {
    expect(parseCsvNumber('12345')).toBe(12345);
    expect(parseCsvNumber('12,345')).toBe(12345);
    expect(parseCsvNumber('1,234,567')).toBe(1234567);
    expect(parseCsvNumber(' 41.5 ')).toBe(41.5);
    expect(parseCsvNumber('-3')).toBe(-3);
    expect(parseCsvNumber('0')).toBe(0);
  });

  it('gives undefined for a blank field: unknown, not zero', () => {
    expect(parseCsvNumber('')).toBeUndefined();
    expect(parseCsvNumber('  ')).toBeUndefined();
    expect(parseCsvNumber(undefined)).toBeUndefined();
  });

  it('refuses anything that is not clearly a number', () => {
    for (const text of ['n/a', '12,34', '1,2345', '1e3', '12 345', '£5', '0x10']) {
      expect(() => parseCsvNumber(text), text).toThrow(RangeError);
    }
  });
});
