/**
 * A small RFC 4180 reader for spreadsheets' CSV: quoted fields (with doubled quotes, delimiters and line breaks
 * inside), CRLF, LF or CR line ends, a UTF-8 byte-order mark, and the delimiter a spreadsheet picked: `,`, or `;` as
 * Excel writes in locales where the comma is the decimal separator (French, Spanish...), or a tab (pasted cells).
 * Excel's `sep=;` first line is honoured and not counted as a row. Lenient where spreadsheets are sloppy (a quote
 * inside an unquoted field is kept as text); the one fatal problem is a quoted field left open at the end.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export type CsvRecord = {
  /** The row number a spreadsheet shows (1 = the first row, normally the header). */
  row: number;
  cells: string[];
};

export type CsvParse = {
  records: CsvRecord[];
  delimiter: CsvDelimiter;
  /** The row where a quoted field opens and never closes, if any (the records stop before it). */
  unterminated?: number | undefined;
};

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** The delimiter of the first record: whichever of `,` `;` tab occurs most outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter))
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function parseCsv(input: string): CsvParse {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let delimiter: CsvDelimiter | undefined;
  const sep = /^sep=([,;\t])\r?\n?/.exec(text);
  if (sep !== null) {
    delimiter = sep[1] as CsvDelimiter;
    text = text.slice(sep[0].length);
  }
  const d = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let opened = 1;
  const endCell = (): void => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = (): void => {
    endCell();
    records.push({ row, cells });
    cells = [];
    row++;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      opened = row;
    } else if (ch === d) endCell();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) return { records, delimiter: d, unterminated: opened };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, delimiter: d };
}
