/**
 * RFC 4180 CSV with a header row. A cell that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, so an exported file cannot carry a formula into someone's spreadsheet.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
