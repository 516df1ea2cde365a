// svg-to-pdfkit 0.1.8 ships no types: the part of its API the bulletin PDF uses (draws an SVG string
// into a pdfkit document at x, y; sizes in points when assumePt is set).
declare module "svg-to-pdfkit" {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG user units as points rather than CSS pixels (72/96) */
    assumePt?: boolean;
    precision?: number;
    useCSS?: boolean;
    /** The pdfkit font name (registered on the document) to use for an SVG font-family */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic: boolean; fauxBold: boolean }) => string;
    warningCallback?: (message: string) => void;
    colorCallback?: (color: [[number, number, number], number]) => [[number, number, number], number];
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export default SVGtoPDF;
}
