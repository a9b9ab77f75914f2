// A ticket export committed to the repository (a tracker's CSV: one row per comment or state change)
// is a document people wrote: its cells hold the approval, the command someone ran, the order to take
// a grant away again. It is read as the table it is, the same as a Markdown table, so every reader of
// documents reads its rows with their column names. A CSV of data (a price list, a feature matrix, a
// seed file) is not prose and is never read: only a table that has a column of ticket ids in every row
// and a column whose cells are sentences is taken for a ticket export.

/** A tracker's id in a cell ("SEC-4410", "ops-71", "#412"): a project key of two letters or more, a dash and a number. */
const TICKET_ID = /(?<![\p{L}\p{N}-])(?:\p{L}[\p{L}\p{N}]{1,9}-\d{1,7}|#\d{1,7})(?![\p{L}\p{N}-])/u;

/** At most this many rows are read: an export of a whole project says no more than its first rows. */
const ROWS = 200;

/** The cells of a delimited text, with quoted cells ("a, b", "say ""yes""") and line breaks inside quotes. */
function parse(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === delimiter) {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      if (row.some(Boolean)) rows.push(row);
      row = [];
      cell = '';
      if (rows.length > ROWS) break;
    } else cell += c;
  }
  row.push(cell.trim());
  if (row.some(Boolean)) rows.push(row);
  return rows;
}

/** The delimiter the header line uses most: a comma, a semicolon (spreadsheets in most of Europe) or a tab. */
function delimiterOf(text: string): string {
  const header = text.split('\n', 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

/** A cell that is a sentence someone wrote: four words or more, most of them letters. */
const isProse = (cell: string) => (cell.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4;
/** A header cell: a column's name, not a value (a number, a date, a sentence). */
const isColumnName = (cell: string) => cell.length > 0 && cell.length <= 40 && /\p{L}/u.test(cell) && !/^\d/.test(cell) && !isProse(cell);

/** A ticket export's CSV written as the Markdown table it is ("| jegy | megjegyzes |\n| --- | --- |\n| SEC-1 | … |"),
 * or undefined for a CSV that is not one: no header of column names, no column holding a ticket id in
 * every row, or no column of sentences. */
export function ticketExportAsTable(text: string): string | undefined {
  const rows = parse(text.replace(/^\uFEFF/, ''), delimiterOf(text));
  const [header, ...body] = rows;
  if (!header || body.length === 0 || header.length < 2 || !header.every(isColumnName)) return undefined;
  const width = header.length;
  const column = (i: number) => body.map((r) => r[i] ?? '');
  const columns = Array.from({ length: width }, (_, i) => column(i));
  const ids = columns.some((cells) => cells.every((c) => TICKET_ID.test(c) && c.length <= 40));
  const prose = columns.some((cells) => cells.some(isProse));
  if (!ids || !prose) return undefined;
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/')).join(' | ')} |`;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n') + '\n';
}
