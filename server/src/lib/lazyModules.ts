// Heavy libraries that only rare requests need (spreadsheets, photos) load on first use instead of at
// start-up: together they add ~40 MB to a server process that never imports or exports a file.
export const loadExcel = async () => (await import("exceljs")).default;
export const loadSharp = async () => (await import("sharp")).default;
