// The letter's fixed wording, loaded from letterText.json so a clinical editor
// can correct it without reading code. `checkLetterText` is what the tests use
// to keep the file complete; the renderer itself trusts the shipped file.
import data from './letterText.json';

export type LetterText = typeof data;

export const LETTER_TEXT: LetterText = data;

/** Fills `{name}` placeholders; an unknown placeholder stays as written so a typo shows in the letter. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/** Placeholders each template must keep, or the letter would lose case text. */
const REQUIRED_PLACEHOLDERS: [keyof LetterText | string, string[]][] = [
  ['howMade', ['organization']],
  ['itemTitle', ['service', 'decision']],
  ['partialItemTitle', ['request', 'authorized', 'service', 'decision']],
  ['organizationGuidelineLabel', ['shortName']],
  ['guidelineForms.mtus', ['citation']],
  ['guidelineForms.nonMtus', ['subject', 'citation']],
  ['guidelineForms.noEvidence', ['subject']],
  ['standardSentence', ['letter', 'standard']],
];

/** Problems with a letter-text data file, in words an editor of that file understands. Empty when it is sound. */
export function checkLetterText(text: unknown = data): string[] {
  const problems: string[] = [];
  const get = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), text);
  const walk = (reference: unknown, path: string) => {
    if (typeof reference === 'string') {
      const v = get(path);
      if (typeof v !== 'string' || v.trim() === '') problems.push(`"${path}" must be a non-empty text.`);
    } else if (reference && typeof reference === 'object') {
      for (const k of Object.keys(reference)) if (k !== '$comment') walk((reference as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    }
  };
  walk(data, '');
  for (const [path, names] of REQUIRED_PLACEHOLDERS) {
    const v = get(path);
    if (typeof v !== 'string') continue;
    for (const n of names) if (!v.includes(`{${n}}`)) problems.push(`"${path}" must contain {${n}}.`);
  }
  return problems;
}
