// The PDF libraries of the CLI, bundled apart as dist/pdf-libs.js (esbuild.mjs), which dist/cli.js loads at its
// first PDF: pdfkit with fontkit and brotli's dictionary are 2.3 MB of code that V8 would otherwise read through at
// every start of the CLI and of each of its worker threads, though `imr check` never makes a PDF.
/* eslint-disable @typescript-eslint/no-require-imports -- the modules as render/ requires them, exports and all */
export const pdfkit: unknown = require('pdfkit');
export const linebreak: unknown = require('linebreak');
