// Heavy libraries that only rare requests need (spreadsheets, photos, the monthly bulletin's PDF and
// charts) load on first use instead of at start-up: spreadsheets and photos add ~40 MB to a server
// process that never imports or exports a file, the PDF's three another ~60 MB, mail ~15 MB.
export const loadExcel = async () => (await import("exceljs")).default;
export const loadSharp = async () => (await import("sharp")).default;
export const loadPdfKit = async () => (await import("pdfkit")).default;
export const loadSvgToPdf = async () => (await import("svg-to-pdfkit")).default;
export const loadECharts = async () => await import("echarts");
export const loadNodemailer = async () => (await import("nodemailer")).default;
