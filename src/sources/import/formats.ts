/** The file formats `ergsprint import` reads, with the names the --format flag takes. */
export const IMPORT_FORMATS = {
  fit: 'FIT activity (Garmin, Concept2, ErgData, openrowingmonitor, ergsprint export)',
  tcx: 'TCX (Garmin Training Center XML)',
  'c2-csv': 'Concept2 Logbook stroke CSV',
  'pm-csv': 'Concept2 PM per-stroke CSV with a piece summary (Stroke #, Time, Split, Watts…)',
  'ergdata-csv': 'ErgData CSV',
  'rp3-csv': 'RP3 CSV',
  'painsled-csv': 'Painsled CSV (raw "stroke." export or "strokes" export)',
  'rowpro-csv': 'RowPro CSV',
  'boatcoach-csv': 'BoatCoach CSV',
  'smartrow-csv': 'SmartRow CSV (comma or semicolon with decimal comma)',
  'rowingdata-csv': 'rowingdata CSV (rowsandall.com, openrowingmonitor)',
} as const;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export const IMPORT_FORMAT_NAMES = Object.keys(IMPORT_FORMATS) as ImportFormat[];

export const isImportFormat = (x: string): x is ImportFormat => Object.hasOwn(IMPORT_FORMATS, x);
