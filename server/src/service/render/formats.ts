// The formats a letter is rendered in, listed once. The renderer switches on
// these ids, `imr render` takes them for --format and guesses one from the
// output file's extension, and the editor's Export Letter… menu and save
// dialog show them: a new format is an entry here plus its renderer.

export type LetterFormat = 'pdf' | 'html' | 'text';

export interface LetterFormatInfo {
  /** The name `imr render --format` takes and renderLetter switches on. */
  readonly id: LetterFormat;
  /** What a person calls it: the Export Letter… menu and the save dialog's filter. */
  readonly label: string;
  /** File extensions without the dot: the first is the one written, every one is recognised. */
  readonly extensions: readonly string[];
  /** True when the letter comes as bytes (renderLetter returns a Promise<Uint8Array>), not a string. */
  readonly binary: boolean;
  /** One line on what the reader gets, for the menu and `imr render --help`. */
  readonly description: string;
}

/** In the order they are offered: the letter to sign and send first. */
export const LETTER_FORMATS: readonly LetterFormatInfo[] = [
  { id: 'pdf', label: 'PDF', extensions: ['pdf'], binary: true, description: 'US letter, page numbers and the case number in the footer' },
  { id: 'html', label: 'HTML', extensions: ['html', 'htm'], binary: false, description: 'one self-contained page, black on white, ready to print' },
  { id: 'text', label: 'Plain text', extensions: ['txt'], binary: false, description: 'laid out like the letter, for pasting into other systems' },
];

/** The format named `id`, or undefined for a name that is not one. */
export function letterFormat(id: string): LetterFormatInfo | undefined {
  return LETTER_FORMATS.find((f) => f.id === id);
}

/** The format a file extension names (`.pdf` or `pdf`, any case), or undefined when it names none. */
export function letterFormatOfExtension(ext: string): LetterFormatInfo | undefined {
  const bare = ext.replace(/^\./, '').toLowerCase();
  return LETTER_FORMATS.find((f) => f.extensions.includes(bare));
}
