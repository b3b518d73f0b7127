/**
 * A small RFC 4180 CSV reader for adapters: quoted fields (with commas, line breaks and doubled
 * quotes inside), CRLF or LF line ends, a leading byte-order mark, and optionally comment lines
 * (`#` at the start of a record) as used by hand-documented data files.
 *
 * It is strict where leniency would hide a broken file: an unterminated quote, text after a
 * closing quote, a quote inside an unquoted field, a row with the wrong number of fields and a
 * repeated header all throw a `CsvError` naming the line. Values are returned as text; numbers
 * are read with `parseCsvNumber`, which accepts thousands separators ("12,345").
 */

/** A problem in CSV text, with the 1-based line where it was found. */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
    this.line = line;
  }
}

export interface CsvOptions {
  /**
   * Lines starting with this text (outside quotes, at the start of a record) are skipped:
   * `'#'` for files whose first lines document the columns. Off by default, because in plain
   * CSV a leading `#` is data.
   */
  comment?: string;
}

/** One parsed row: its fields, and the line it starts on (for error messages). */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Split CSV text into rows of fields. Blank lines are skipped; every other line is a row, even
 * when rows have different numbers of fields (`parseCsvTable` checks that).
 */
export function parseCsvRows(text: string, options: CsvOptions = {}): CsvRow[] {
  const rows: CsvRow[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const comment = options.comment;
  const length = source.length;
  let index = 0;
  let line = 1;

  while (index < length) {
    // At the start of a record.
    const rowLine = line;
    if (comment && source.startsWith(comment, index)) {
      index = skipLine(source, index);
      line += 1;
      continue;
    }
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (source[index] === '"') {
        index += 1;
        const quoteLine = line;
        for (;;) {
          if (index >= length) throw new CsvError('a quoted field is not closed', quoteLine);
          const char = source[index]!;
          if (char === '"') {
            if (source[index + 1] === '"') {
              value += '"';
              index += 2;
              continue;
            }
            index += 1;
            break;
          }
          if (char === '\n') line += 1;
          value += char;
          index += 1;
        }
        const next = source[index];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
        }
      } else {
        const start = index;
        while (index < length) {
          const char = source[index]!;
          if (char === ',' || char === '\n' || char === '\r') break;
          if (char === '"')
            throw new CsvError('a quote inside an unquoted field (quote the whole field and double the quote)', line);
          index += 1;
        }
        value = source.slice(start, index);
      }
      fields.push(value);
      const separator = source[index];
      if (separator === ',') {
        index += 1;
      } else {
        endOfRecord = true;
        if (separator === '\r') index += source[index + 1] === '\n' ? 2 : 1;
        else if (separator === '\n') index += 1;
        line += 1;
      }
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) rows.push({ line: rowLine, fields });
  }
  return rows;
}

function skipLine(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline + 1;
}

/** A CSV file read by header name. */
export interface CsvTable {
  /** Header names as written (trimmed), in file order. */
  readonly columns: readonly string[];
  readonly records: readonly CsvRecord[];
  /** The line of the header, for messages about missing columns. */
  readonly headerLine: number;
}

/** One data row, read by column name. */
export interface CsvRecord {
  readonly line: number;
  /** The field under `column`, or undefined when the file has no such column. */
  get(column: string): string | undefined;
}

/**
 * Parse CSV text whose first row is a header. Header names are trimmed and must be unique and
 * non-empty; every data row must have as many fields as the header.
 */
export function parseCsvTable(text: string, options: CsvOptions = {}): CsvTable {
  const rows = parseCsvRows(text, options);
  const header = rows[0];
  if (!header) throw new CsvError('no header row', 1);
  const columns = header.fields.map((name) => name.trim());
  const positions = new Map<string, number>();
  columns.forEach((name, position) => {
    if (name === '') throw new CsvError(`column ${position + 1} of the header has no name`, header.line);
    if (positions.has(name)) throw new CsvError(`column "${name}" appears twice in the header`, header.line);
    positions.set(name, position);
  });
  const records = rows.slice(1).map((row): CsvRecord => {
    if (row.fields.length !== columns.length) {
      throw new CsvError(`${row.fields.length} fields where the header has ${columns.length}`, row.line);
    }
    return {
      line: row.line,
      get(column: string) {
        const position = positions.get(column);
        return position === undefined ? undefined : row.fields[position];
      },
    };
  });
  return { columns, records, headerLine: header.line };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A number from a CSV field: undefined for a blank field, the value for "12345", "12,345",
 * "-3" or "41.5". Anything else ("n/a", "12,34", "1e3") throws a `RangeError`, because a
 * misread figure is worse than a missing one.
 */
export function parseCsvNumber(field: string | undefined): number | undefined {
  if (field === undefined) return undefined;
  const text = field.trim();
  if (text === '') return undefined;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replace(/,/g, ''));
  throw new RangeError(`${JSON.stringify(field)} is not a number`);
}
