/**
 * CSV as RFC 4180 says (CRLF rows, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), with spreadsheet formulas neutralised: a text cell that starts with
 * = + - @ (or a tab or CR) gets a leading single quote, so opening the file in a
 * spreadsheet never runs a stranger's formula. Pure.
 */

/** A cell value: text, a number, a boolean, or empty (null/undefined). */
export type CsvCell = string | number | boolean | null | undefined;

/** A text cell made safe for spreadsheets: prefixed with ' when it starts with = + - @, tab or CR. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field as CSV text: neutralised, then quoted when needed. Finite numbers are written as-is. */
export function formatCsvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(typeof value === 'boolean' ? String(value) : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV text, CRLF after every row. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(formatCsvField).join(',')}\r\n`).join('');
}

/**
 * CSV text → rows of fields (RFC 4180; the inverse of buildCsv, neutralising quotes kept).
 * A row ends at CRLF, and also at a bare LF or CR, as files written elsewhere end them.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text with a header row → one record per data row, keyed by the header; rows of one empty field (blank lines) are skipped. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.filter((cells) => cells.length > 1 || cells[0] !== '').map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
