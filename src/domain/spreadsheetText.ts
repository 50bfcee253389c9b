// A text cell for a CSV file people open in a spreadsheet: one that starts like a
// formula (= + - @, or a tab or carriage return before one) is prefixed with ' so
// Excel and LibreOffice show it as text instead of running it (OWASP: CSV injection).
// Not for the open-data package, whose cells are data and must read back unchanged.
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
