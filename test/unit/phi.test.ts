// The `phi` rule: letter text that seems to identify a person. The patterns
// are data (data/terms/phi.json) with their own examples; these tests check
// the data, the exact ranges, what counts as letter text, the quick-fix and
// suppression. The corpus check is in phi-corpus.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type ImrDiagnostic, type ServiceSettings } from '../../server/src/service/types';
import { PHI_DATA, PHI_PATTERNS, checkPhiData, findPhi } from '../../server/src/service/phi/patterns';
import { PRINTED_FIELDS } from '../../server/src/service/phi/letterText';
import { SECTION_SPECS } from '../../server/src/service/schema/fields';
import { validateAgainstSchema } from '../../server/src/service/necessity/jsonSchema';
import termsSchema from '../../server/src/service/data/schema/terms.schema.json';
import { CLEAN_CASE, textAt, variant } from '../helpers/necessityCases';
import { applyEdits } from '../helpers/edits';

const service = new LanguageService();
let n = 0;
const doc = (text: string) => ({ uri: `file:///phi/${++n}.imr`, version: 1, text });

function phi(text: string, settings: ServiceSettings = DEFAULT_SETTINGS): ImrDiagnostic[] {
  return service.getDiagnostics(doc(text), settings).filter((d) => d.code === 'phi');
}

function fixes(text: string, d: ImrDiagnostic) {
  return service.getCodeActions(doc(text), d.range, [d]);
}

/** The clean case with `sentence` as the summary's second line. */
function inSummary(sentence: string): string {
  return variant(['  on 1/30/2015. Treatment', `  on 1/30/2015. ${sentence} Treatment`]);
}

test('phi.json passes the terms schema and its own checks', () => {
  assert.deepEqual(validateAgainstSchema(PHI_DATA, termsSchema as Record<string, unknown>), []);
  assert.deepEqual(checkPhiData(PHI_DATA), []);
  const ids = PHI_PATTERNS.map((p) => p.id);
  for (const id of ['person-name', 'physician-name', 'ssn', 'phone', 'email', 'street-address', 'date-of-birth', 'claim-number'])
    assert.ok(ids.includes(id), id);
});

test('the data checks report a broken pattern, a wrong example and an over-eager pattern', () => {
  const base = PHI_DATA.patterns.find((p) => p.id === 'email')!;
  const broken = {
    fragments: PHI_DATA.fragments,
    patterns: [
      { ...base, id: 'a', regex: '(unclosed' },
      { ...base, id: 'b', regex: '{nosuch}x' },
      { ...base, id: 'c', matches: [{ text: 'mail a@example.com', hit: 'example.com' }] },
      { ...base, id: 'd', regex: 'Tramadol', matches: [{ text: 'Tramadol', hit: 'Tramadol' }] },
      { ...base, id: 'd' },
      { ...base, id: 'e', flags: 'i', requires: 'ADJ' },
    ],
  };
  const problems = checkPhiData(broken);
  assert.ok(
    problems.some((p) => p.startsWith('a: the regex does not compile')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith('b: no fragment is named "nosuch"')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith('c: in "mail a@example.com" expected only c: "example.com"')),
    problems.join('\n'),
  );
  assert.ok(problems.includes('d: "Tramadol 50mg @ bedtime" must not match, but d: "Tramadol" did.'), problems.join('\n'));
  assert.ok(
    problems.some((p) => p === 'd: the id is used twice.'),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith('e: "requires" is compared letter case and all')),
    problems.join('\n'),
  );
  // A literal no example contains silences the pattern, and the examples say so.
  const silenced = checkPhiData({ fragments: PHI_DATA.fragments, patterns: [{ ...base, requires: '#' }] });
  assert.ok(
    silenced.some((p) => p.startsWith('email: in "wrote to j.smith+work@example.com about it" expected only email')),
    silenced.join('\n'),
  );
});

test('every example of every pattern raises phi on exactly its hit in the summary, and every non-example raises nothing', () => {
  for (const p of PHI_PATTERNS) {
    for (const ex of p.matches) {
      const text = inSummary(ex.text);
      const ds = phi(text);
      assert.equal(ds.length, 1, `${p.id}: ${ex.text}`);
      assert.equal(textAt(text, ds[0].range), ex.hit, `${p.id}: ${ex.text}`);
      assert.equal(ds[0].severity, 'warning');
      assert.equal(ds[0].data?.pattern, p.id);
      assert.ok(ds[0].message.startsWith(`This looks like ${p.what} ("${ex.hit}"); ${p.advice}.`), ds[0].message);
      assert.match(ds[0].message, /-- imr-disable-next-line phi/);
    }
    for (const t of p.nonMatches)
      assert.deepEqual(
        phi(inSummary(t)).map((d) => d.message),
        [],
        `${p.id}: ${t}`,
      );
  }
});

test('a name broken over two lines is one diagnostic from the title to the last name', () => {
  const text = variant(['  and NSAIDs without', '  and NSAIDs prescribed by Dr.\n  Maria Gonzalez without']);
  const [d, ...rest] = phi(text);
  assert.deepEqual(rest, []);
  const line = text.split('\n').findIndex((l) => l.endsWith('prescribed by Dr.'));
  assert.deepEqual(d.range, {
    start: { line, character: text.split('\n')[line].indexOf('Dr.') },
    end: { line: line + 1, character: '  Maria Gonzalez'.length },
  });
  const fixed = applyEdits(text, fixes(text, d)[0].edits);
  assert.ok(fixed.includes('prescribed by the treating physician without'), fixed);
  assert.deepEqual(phi(fixed), []);
});

test('the quick-fix replaces exactly the match, capitalised at the start of a sentence, and the warning goes', () => {
  const start = inSummary('Mr. Smith reported neck pain.');
  const [d] = phi(start);
  const actions = fixes(start, d);
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [['Replace with "The injured worker"', true]],
  );
  const fixed = applyEdits(start, actions[0].edits);
  assert.equal(fixed, inSummary('The injured worker reported neck pain.'));
  assert.deepEqual(phi(fixed), []);

  const mid = inSummary("He spoke with Mr. Smith's wife.");
  const [m] = phi(mid);
  assert.equal(applyEdits(mid, fixes(mid, m)[0].edits), inSummary("He spoke with the injured worker's wife."));

  // A physician's name: two neutral terms, the treating physician preferred.
  const dr = inSummary('Dr. Patel requested an MRI.');
  const [p] = phi(dr);
  const drFixes = fixes(dr, p);
  assert.deepEqual(
    drFixes.map((a) => [a.title, a.isPreferred]),
    [
      ['Replace with "The treating physician"', true],
      ['Replace with "The provider"', false],
    ],
  );
  for (const a of drFixes) assert.deepEqual(phi(applyEdits(dr, a.edits)), []);

  // The disputed service opens its line in the letter.
  const title = variant(['item MRI of the lumbar spine', "item Mr. Smith's MRI of the lumbar spine"]);
  const [sv] = phi(title);
  assert.equal(applyEdits(title, fixes(title, sv)[0].edits), variant(['item MRI of the lumbar spine', "item The injured worker's MRI of the lumbar spine"]));

  // Numbers become [redacted].
  const phone = inSummary('Her phone is 916-555-0142.');
  const [ph] = phi(phone);
  assert.equal(applyEdits(phone, fixes(phone, ph)[0].edits), inSummary('Her phone is [redacted].'));
});

test('a label or comment inside the match: warned, but no fix that would delete them', () => {
  for (const [from, to] of [
    ['  and NSAIDs without', '  and NSAIDs from Dr. [#pt-failed-2] Smith without'],
    ['  and NSAIDs without', '  and NSAIDs from Dr.\n  -- the name is in the PR-2\n  Smith without'],
  ]) {
    const text = variant([from, to]);
    const ds = phi(text);
    assert.equal(ds.length, 1, to);
    assert.match(ds[0].message, /\("Dr\. Smith"\)/);
    assert.doesNotMatch(ds[0].message, /Replace it with/);
    assert.deepEqual(ds[0].data?.replacements, []);
    assert.deepEqual(fixes(text, ds[0]), [], to);
  }
});

test('a stale diagnostic offers no fix once its text has changed', () => {
  const text = inSummary('Mr. Smith reported neck pain.');
  const [d] = phi(text);
  const edited = text.replace('Mr. Smith', 'Mr. Jones');
  assert.deepEqual(fixes(edited, d), []);
});

test('phi reads every printed field, the service, the summary and each rationale', () => {
  const text = variant(
    ['  organization: MAXIMUS Federal Services', '  organization: Office of Dr. Alvarez'],
    ['  specialty: Occupational Medicine', '  specialty: Occupational Medicine, Dr. Brown'],
    ['item MRI of the lumbar spine', 'item MRI of the lumbar spine for Mr. Chen\n  request: MRI for Ms. Diaz\n  authorized: none for Ms. Evans'],
    ['  claims-administrator: Decision based on MTUS Low Back Complaints 2004.', '  claims-administrator: Claim no. 4A78120'],
    ['  guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies', '  guideline: per Dr. Fox, MTUS Low Back Complaints 2004'],
    ['    He would consider surgery.', '    Mr. Garcia would consider surgery.'],
  );
  const lines = text.split('\n');
  const found = phi(text).map((d) => textAt(text, d.range));
  assert.deepEqual(found, ['Dr. Alvarez', 'Dr. Brown', 'Mr. Chen', 'Ms. Diaz', 'Ms. Evans', '4A78120', 'Dr. Fox', 'Mr. Garcia']);
  // Ranges are exact on one-line values too.
  for (const d of phi(text)) assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), textAt(text, d.range));
});

test('text the letter never shows is not checked: comments, criteria notes, unprinted fields, the case number', () => {
  const text = variant(
    ['case CM16-0000001', '-- records from Dr. Smith, 916-555-0142\ncase CM16-0000001'],
    ['  diagnosis: lumbar radiculopathy', '  diagnosis: lumbar radiculopathy per Dr. Smith'],
    ['    LMRI-01: met [#neuro-deficit]', '    LMRI-01: met [#neuro-deficit] as Dr. Smith found'],
    ['  decision: overturned', '  decision: overturned\n  depends-on: claim no. 4A78120'],
  );
  assert.deepEqual(phi(text), []);
});

test('PRINTED_FIELDS is what the renderer prints', () => {
  // Each text field in turn holds a name; it must reach the letter exactly when phi reads it.
  for (const spec of SECTION_SPECS) {
    for (const field of spec.fields) {
      if (!['text', 'list'].includes(field.type)) continue;
      const value = `Zebulon ${field.key}`;
      let text = CLEAN_CASE.replace(new RegExp(`^  ${field.key}: .*\\n`, 'm'), '');
      const header = new RegExp(`^${spec.keyword}\\b.*$`, 'm');
      const extra = field.key === 'request' ? '\n  authorized: one visit' : field.key === 'authorized' ? '\n  request: two visits' : '';
      text = text.replace(header, (h) => `${h}\n  ${field.key}: ${value}${extra}`);
      const letter = service.renderLetter(doc(text), 'text');
      const printed = letter.includes(value);
      assert.equal(printed, (PRINTED_FIELDS[spec.keyword] ?? []).includes(field.key), `${spec.keyword} ${field.key}: printed ${printed}`);
      const named = text.replace(value, `Dr. Zebulon ${field.key}`);
      assert.equal(phi(named).length > 0, printed, `${spec.keyword} ${field.key}: phi`);
    }
  }
});

test('phi can be silenced on a line and set off or to another severity', () => {
  const text = variant(['    He would consider surgery.', '    Mr. Smith would consider surgery.']);
  assert.equal(phi(text).length, 1);
  assert.deepEqual(phi(text.replace('    Mr. Smith', '    -- imr-disable-next-line phi\n    Mr. Smith')), []);
  assert.equal(phi(text.replace('    Mr. Smith', '    -- imr-disable-next-line unused-label\n    Mr. Smith')).length, 1);
  assert.deepEqual(phi(text, { rules: { phi: 'off' } }), []);
  assert.deepEqual(
    phi(text, { rules: { phi: 'hint' } }).map((d) => d.severity),
    ['hint'],
  );
});

test('one span is reported once, even when two patterns find it', () => {
  // "SSN 123-45-6789" is both the dashed form and the cued form.
  const found = findPhi('SSN 123-45-6789 and SSN 123456789');
  assert.deepEqual(
    found.map((m) => [m.pattern.id, m.text]),
    [
      ['ssn', '123-45-6789'],
      ['ssn-cued', '123456789'],
    ],
  );
});

test("docs/rules.md's phi examples: the wrong summary draws three warnings, the right one none", () => {
  const summary = (body: string) => CLEAN_CASE.replace(/^summary\n(?: {2}.*\n)+/m, `summary\n${body}`);
  const wrong = summary('  Mr. Smith is a 48 year old male. Dr. Patel requested an MRI of the lumbar\n  spine. His claim no. 4A78120 was accepted.\n');
  const right = summary('  The injured worker is a 48 year old male. The treating physician\n  requested an MRI of the lumbar spine.\n');
  assert.deepEqual(
    phi(wrong).map((d) => d.data?.pattern),
    ['person-name', 'physician-name', 'claim-number'],
  );
  assert.deepEqual(phi(right), []);
  const scholl = variant(['    He would consider surgery.', "    -- imr-disable-next-line phi\n    The worker tried Dr. Scholl's orthotics without relief."]);
  assert.deepEqual(phi(scholl), []);
  assert.equal(phi(scholl.replace('    -- imr-disable-next-line phi\n', '')).length, 1);
});

test('property: any pattern example written between two words of any example prose line is found exactly, and every fix removes it', async () => {
  const fc = await import('fast-check');
  const { parseCase } = await import('../../server/src/service/syntax/parser');
  const { readExample, EXAMPLES } = await import('../helpers/fixtures');
  const fs = await import('fs');
  // Places between two words of the summary and the rationales of the clean examples.
  const places: { text: string; offset: number }[] = [];
  for (const name of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.imr') && !/mistakes/.test(f))) {
    const text = readExample(name);
    const file = parseCase(text);
    const proses = [file.summary?.prose, ...file.items.map((i) => i.rationale?.prose)].filter((p) => p !== undefined);
    for (const prose of proses) {
      for (const seg of prose.segments) {
        const lineStart = file.lineStarts[seg.line] + seg.character;
        for (let i = 1; i < seg.length; i++) if (text[lineStart + i] === ' ') places.push({ text, offset: lineStart + i });
      }
    }
  }
  const examples = PHI_PATTERNS.flatMap((p) => p.matches.map((ex) => ({ id: p.id, ...ex })));
  assert.ok(places.length > 100 && examples.length > 20);
  fc.assert(
    fc.property(fc.constantFrom(...places), fc.constantFrom(...examples), (place, ex) => {
      // Semicolons keep the neighbouring words out of the example's match.
      const text = `${place.text.slice(0, place.offset)} ${ex.text.replace(/[.]$/, '')};${place.text.slice(place.offset)}`;
      const ds = phi(text);
      assert.equal(ds.length, 1, ex.text);
      assert.equal(textAt(text, ds[0].range), ex.hit);
      assert.equal(ds[0].data?.pattern, ex.id);
      const actions = fixes(text, ds[0]);
      assert.ok(actions.length >= 1);
      const syntaxBefore = service.getDiagnostics(doc(text)).filter((d) => d.code === 'syntax').length;
      for (const a of actions) {
        const fixed = applyEdits(text, a.edits);
        assert.deepEqual(phi(fixed), [], `${a.title} in ${ex.text}`);
        assert.equal(service.getDiagnostics(doc(fixed)).filter((d) => d.code === 'syntax').length, syntaxBefore);
      }
    }),
    { seed: 8, numRuns: 80 },
  );
});

test('phi reads what the letter prints: non-breaking hyphens, zero-width spaces and full-width digits hide nothing, and ranges are the written text', () => {
  for (const [written, pattern, printed] of [
    ['123\u201145\u20116789', 'ssn', '123-45-6789'],
    ['415\u2011555\u20110123', 'phone', '415-555-0123'],
    ['Mr.\u200b John Smith', 'person-name', 'Mr. John Smith'],
    ['\uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19', 'ssn', '123-45-6789'],
  ] as const) {
    const text = inSummary(`The worker's number is ${written} on file.`);
    const found = phi(text);
    assert.equal(found.length, 1, written);
    assert.match(found[0].message, new RegExp(`\\("${printed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\)`), written);
    // The range covers exactly what the author wrote, invisible characters and all, so the fix replaces all of it.
    assert.equal(textAt(text, found[0].range), written);
    assert.equal(found[0].data && (found[0].data as { pattern: string }).pattern, pattern);
    const fixed = fixes(text, found[0]);
    assert.ok(fixed.length > 0, `a fix for ${written}`);
  }
});
