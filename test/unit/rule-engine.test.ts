// The rule engine (rules/engine.ts) reuses a rule's findings while the parts
// of the case it reads are unchanged. What it returns must be what a service
// that never saw the document returns: these tests edit examples, synthetic
// cases (bench/synth.ts) and the imported corpus letters and compare the
// incremental service's diagnostics with a fresh one's, finding by finding.
// They report case numbers and counts only, never letter text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { importLetter } from '../../server/src/service/import/index';
import { CATALOG } from '../../server/src/service/rules/catalog/index';
import type { CheckedRule } from '../../server/src/service/rules/defineRule';
import type { ImrDiagnostic } from '../../server/src/service/types';
import { synthCase } from '../../bench/synth';
import { EXAMPLE_TEXTS, noContainedError, settings } from '../helpers/properties';
import { SHARED, corpusSkip } from '../helpers/fixtures';

const URI = 'file:///engine/case.imr';

function fresh(text: string): ImrDiagnostic[] {
  return new LanguageService().getDiagnostics({ uri: URI, version: 1, text });
}

// A full run with warm memos: each text under a new uri (no findings of an earlier run to reuse), while a
// document kept open keeps the reader's and the rules' memos (the corpus loop would otherwise read every letter cold twice).
const reference = new LanguageService();
reference.getDiagnostics({ uri: 'file:///engine/keep.imr', version: 1, text: [...EXAMPLE_TEXTS.values()][0] });
let referenceRuns = 0;
function fullRun(text: string): ImrDiagnostic[] {
  const uri = `file:///engine/reference-${referenceRuns++}.imr`;
  const found = reference.getDiagnostics({ uri, version: 1, text });
  reference.forget(uri);
  return found;
}

/** Offset of the start of line `line`. */
function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 0; l < line && offset >= 0; l++) offset = text.indexOf('\n', offset) + 1;
  return Math.max(0, offset);
}

/** Offset just after the first word of a sentence (where an author adds a word). */
function inSentence(
  text: string,
  pick: (sentences: { range: { start: { line: number; character: number } } }[]) => { range: { start: { line: number; character: number } } } | undefined,
): number | undefined {
  const s = pick(parseCase(text).summary?.prose.sentences ?? []);
  if (!s) return undefined;
  const at = offsetOfLine(text, s.range.start.line) + s.range.start.character;
  const space = text.indexOf(' ', at);
  return space < 0 ? at : space;
}

function insert(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

/** The edits an author makes: a word in a summary sentence, a new line in the summary (the items move), a word in the last rationale, a changed decision. */
function authorEdits(text: string): string[] {
  const out: string[] = [];
  const mid = inSentence(text, (s) => s[Math.floor(s.length / 2)]);
  if (mid !== undefined) {
    out.push(insert(text, mid, ' reportedly'));
    out.push(insert(text, mid, '\n  '));
  }
  const file = parseCase(text);
  const last = file.items.at(-1)?.rationale?.prose.sentences.at(-1);
  if (last) out.push(insert(text, offsetOfLine(text, last.range.start.line) + last.range.start.character, 'It is not clear that '));
  const first = file.items[0];
  if (first) out.push(insert(text, offsetOfLine(text, first.range.start.line), '-- a note\n'));
  const decision = text.indexOf('decision: upheld');
  if (decision >= 0) out.push(text.slice(0, decision) + 'decision: overturned' + text.slice(decision + 'decision: upheld'.length));
  return out;
}

/** Diagnostics of each text in turn from one service, each compared with a fresh service's; returns the units reused. */
function compareSequence(name: string, texts: string[], expected: (text: string) => ImrDiagnostic[] = fresh): number {
  const service = new LanguageService();
  let reused = 0;
  texts.forEach((text, version) => {
    const got = service.getDiagnostics({ uri: URI, version, text });
    reused += service.ruleStats(URI)?.reused ?? 0;
    assert.deepStrictEqual(got, expected(text), `${name}: version ${version} differs from a full run`);
  });
  return reused;
}

const SYNTHETIC = [200, 400].map((n, i) => ({ name: `synthetic-${n}`, text: synthCase(n, 1000 + i) }));

test('rule engine: every rule with a check states its unit and inputs, and an item rule has checkItem', () => {
  for (const r of CATALOG) {
    if (!r.check) continue;
    const rule = r as CheckedRule<object>;
    assert.ok(rule.inputs, `${rule.code} states no inputs`);
    if (rule.inputs.unit === 'item') assert.equal(typeof rule.checkItem, 'function', `${rule.code} is checked per item but has no checkItem`);
  }
});

test("rule engine: after author edits, examples and synthetic cases get a full run's findings, and reuse some", () => {
  noContainedError(() => {
    for (const [name, text] of [...EXAMPLE_TEXTS, ...SYNTHETIC.map((s) => [s.name, s.text] as const)]) {
      for (const edited of authorEdits(text)) {
        // Base text, the edit, the base again (an undo), and the same text as a new version.
        const reused = compareSequence(name, [text, edited, text, text], fullRun);
        assert.ok(reused > 0, `${name}: nothing was reused`);
      }
    }
  });
});

test('rule engine: the same text again reuses every unit; a summary word reruns only what reads the summary', () => {
  const text = SYNTHETIC[0].text;
  const service = new LanguageService();
  service.getDiagnostics({ uri: URI, version: 1, text });
  service.getDiagnostics({ uri: URI, version: 2, text });
  assert.equal(service.ruleStats(URI)?.checked, 0);
  const at = inSentence(text, (s) => s[1])!;
  service.getDiagnostics({ uri: URI, version: 3, text: insert(text, at, ' reportedly') });
  const stats = service.ruleStats(URI)!;
  const readers = CATALOG.filter((r) => {
    const reads = (r as CheckedRule<object>).inputs?.reads;
    return r.check && (!reads || reads.includes('summary') || reads.includes('text'));
  });
  assert.ok(stats.reused > 0, 'a summary edit reused nothing');
  assert.ok(stats.checked <= readers.length * Math.max(1, parseCase(text).items.length), `checked ${stats.checked} units`);
});

test('rule engine: a rule turned off is not checked, and turned on again is checked afresh', () => {
  const text = SYNTHETIC[0].text;
  const code = 'contradicts-record';
  const all = fresh(text);
  assert.ok(
    all.some((d) => d.code === code),
    `the case has no ${code} finding to turn off`,
  );
  const on = new LanguageService();
  on.getDiagnostics({ uri: URI, version: 1, text });
  const service = new LanguageService();
  const off = { rules: { [code]: 'off' as const } };
  assert.deepEqual(
    service.getDiagnostics({ uri: URI, version: 1, text }, off),
    all.filter((d) => d.code !== code),
  );
  // Fewer units checked than with every rule on: the rule's own units were not run.
  assert.ok(service.ruleStats(URI)!.checked < on.ruleStats(URI)!.checked, 'the rule that is off was checked');
  // On again, same text: its findings are back, as a fresh run has them (nothing of it was kept while it was off).
  assert.deepEqual(service.getDiagnostics({ uri: URI, version: 2, text }), all);
});

test('rule engine: a closed document leaves nothing in the engine', () => {
  const service = new LanguageService();
  const [name, text] = [...EXAMPLE_TEXTS][0];
  service.getDiagnostics({ uri: URI, version: 1, text });
  assert.ok(service.ruleStats(URI), name);
  service.forget(URI);
  assert.equal(service.ruleStats(URI), undefined);
});

// Random edits anywhere (words, line breaks, indentation, labels, section keywords, deletions), in sequences.
const PIECES = [' word', ' not', '\n', '\n\n', '  ', '\n  ', '.', ' [#fact-1]', 'item ', 'summary\n', '  decision: upheld\n', 'met', ' normal', ''];

test("rule engine (property): random edit sequences give a fresh run's findings", () => {
  const bases = [...[...EXAMPLE_TEXTS.values()], SYNTHETIC[0].text];
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), piece: fc.constantFrom(...PIECES) });
  fc.assert(
    fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (b, edits) => {
      const texts = [bases[b]];
      for (const e of edits) {
        const prev = texts[texts.length - 1];
        const at = e.at % (prev.length + 1);
        texts.push(prev.slice(0, at) + e.piece + prev.slice(Math.min(prev.length, at + e.cut)));
      }
      noContainedError(() => compareSequence(`base ${b}`, texts));
    }),
    settings(40),
  );
});

test("rule engine: the corpus letters, imported, then edited, get a full run's findings", { skip: corpusSkip }, () => {
  const dir = path.join(SHARED, 'corpus', 'letters');
  const letters = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  let compared = 0;
  for (const f of letters) {
    const text = importLetter(fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\ufeff/, ''), { sourceName: f }).text;
    const edits = authorEdits(text).slice(0, 3);
    compareSequence(path.basename(f, '.txt'), [text, ...edits], fullRun);
    compared += 1 + edits.length;
  }
  assert.ok(compared >= letters.length, `${compared} versions compared`);
});

// Seeded edits aimed at each part (summary, a rationale, an item's fields, the header): characters typed or
// deleted, a negation added or removed, a sentence ended or joined, a date written; each version from one
// service (its engine, parse memo and phrase memo warm) against a fresh service's.
test("rule engine (seeded): edits in the summary, rationales, item fields and header give a fresh run's findings", () => {
  let seed = 20261203;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const typed = ['x', ' ', ' not', ' no', 'no evidence of ', '. ', '.', ' 01/02/2016', ' 3', '\n', '\n  ', ''];
  /** An offset inside the part chosen: [from, to) of its lines. */
  function spot(text: string): number {
    const file = parseCase(text);
    const ranges: { start: number; end: number }[] = [];
    const add = (r: { start: { line: number }; end: { line: number } } | undefined) => {
      if (r) ranges.push({ start: offsetOfLine(text, r.start.line), end: offsetOfLine(text, r.end.line + 1) });
    };
    const part = pick(['summary', 'rationale', 'fields', 'header'] as const);
    if (part === 'summary') add(file.summary?.prose.range);
    else if (part === 'rationale') add(pick(file.items)?.rationale?.prose.range);
    else if (part === 'fields') add(pick(file.items)?.fields[0]?.range);
    else add(file.sections[0]?.range);
    const r = ranges[0] ?? { start: 0, end: text.length };
    return r.start + Math.floor(rnd() * Math.max(1, r.end - r.start));
  }
  const bases = [...EXAMPLE_TEXTS.values(), SYNTHETIC[0].text];
  let versions = 0;
  noContainedError(() => {
    for (const base of bases) {
      const texts = [base];
      for (let i = 0; i < 8; i++) {
        const prev = texts[texts.length - 1];
        const at = Math.min(prev.length, spot(prev));
        // A negation or a full stop taken out as often as one is put in.
        const cut = rnd() < 0.35 ? 1 + Math.floor(rnd() * 4) : 0;
        texts.push(prev.slice(0, at) + pick(typed) + prev.slice(Math.min(prev.length, at + cut)));
      }
      compareSequence('seeded', texts);
      versions += texts.length;
    }
  });
  assert.ok(versions >= bases.length * 9);
});

// contradicts-record is reused over a changed summary where none of its keyed summary reads changed, and each
// rationale sentence's judgement is kept with what it read (rules/summaryReads.ts). Summary edits that change what
// other items are judged against: a record sentence added or deleted (a negated finding, a visit count, a date, a
// measure, a treatment with its outcome), a number changed, a negation typed; and rationale sentences that ask about
// them (a denied failure of conservative care, a visit count, objective improvement, a deficit).
test("rule engine (seeded): summary edits that change what other items are judged against give a fresh run's findings", () => {
  let seed = 1203;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const records = [
    ' The patient denies numbness or tingling.',
    ' There was no tenderness and no spasm.',
    ' She completed 6 sessions of physical therapy without improvement.',
    ' Pain was rated 9/10 despite physical therapy, chiropractic care and medications.',
    ' On 3/4/2015, knee flexion was 100 degrees.',
    ' On 5/6/2015, knee flexion was 135 degrees and range of motion was full.',
    ' Straight leg raise was positive on the right and sensation was decreased in the L5 dermatome.',
    ' Motor strength was 5/5, sensation was intact and reflexes were symmetric.',
    ' An MRI of the lumbar spine showed a disc protrusion at L4-5.',
    ' He has taken Norco for 2 years.',
    ' No red flags were noted.',
    // unsupported-record-claim's keyed reads (rules/support/record/): an approval, a response to a treatment, a record
    // class, a site's side, a site named.
    ' Physical therapy was authorized for 6 visits by the utilization review.',
    ' She reported improvement with physical therapy and chiropractic care.',
    ' A progress report from the treating physician was reviewed.',
    ' He has left knee pain and left shoulder tenderness.',
    ' She also complains of right elbow pain.',
  ];
  const claims = [
    ' There is no documented failure of conservative care.',
    ' The records do not indicate how many sessions of physical therapy have been completed.',
    ' There is no documentation of objective functional improvement with prior physical therapy.',
    ' There are no neurologic deficits on examination.',
    ' The patient has completed a full course of physical therapy already.',
    ' There is no evidence of radiculopathy.',
    ' The patient was previously approved for 8 sessions of physical therapy.',
    ' The patient is responding to physical therapy with decreased pain.',
    ' According to the progress report, the patient has improved.',
    ' The patient has right knee swelling and right shoulder weakness.',
    ' The records indicate the patient has elbow pain and ankle pain.',
  ];
  const offsetOf = (text: string, p: { line: number; character: number }) => offsetOfLine(text, p.line) + p.character;
  function edit(text: string): string {
    const file = parseCase(text);
    const sentences = file.summary?.prose.sentences ?? [];
    const op = rnd();
    if (op < 0.15 || !sentences.length) {
      // A claim at the end of a rationale sentence.
      const s = pick(pick(file.items)?.rationale?.prose.sentences ?? []);
      return s ? insert(text, offsetOf(text, s.range.end), pick(claims)) : text;
    }
    const s = pick(sentences);
    const start = offsetOf(text, s.range.start);
    const end = offsetOf(text, s.range.end);
    if (op < 0.5) return insert(text, end, pick(records));
    if (op < 0.65 && sentences.length > 1) return text.slice(0, start) + text.slice(end).replace(/^ /, '');
    if (op < 0.8) {
      const digit = text.slice(start, end).search(/\d/);
      if (digit >= 0) return text.slice(0, start + digit) + String(Math.floor(rnd() * 10)) + text.slice(start + digit + 1);
    }
    const space = text.indexOf(' ', start);
    return space > 0 && space < end ? insert(text, space, pick([' not', ' no', ' reportedly', ' 2', '\n  '])) : insert(text, end, ' x');
  }
  /** Every claim after the first rationale sentence of each item. */
  function withClaims(text: string): string {
    let out = text;
    for (const item of [...parseCase(text).items].reverse()) {
      const s = item.rationale?.prose.sentences[0];
      if (s) out = insert(out, offsetOf(out, s.range.end), claims.join(''));
    }
    return out;
  }
  /** A record sentence after the summary's last sentence. */
  function withRecord(text: string, record: string): string {
    const last = parseCase(text).summary?.prose.sentences.at(-1);
    return last ? insert(text, offsetOf(text, last.range.end), record) : text;
  }
  const bases = [...EXAMPLE_TEXTS.values(), ...SYNTHETIC.map((s) => s.text)];
  let versions = 0;
  let changedFindings = 0;
  noContainedError(() => {
    for (const base of bases) {
      // Each record added to a summary whose items ask about it, then taken out again.
      const asked = withClaims(base);
      const texts = [asked];
      for (const r of records) texts.push(withRecord(asked, r), asked);
      compareSequence('records added and removed', texts);
      const before = JSON.stringify(fresh(asked));
      changedFindings += records.filter((r) => JSON.stringify(fresh(withRecord(asked, r))) !== before).length;
      // Treatments listed on one line, then named earlier in the summary: the line's treatments are then listed in the
      // order of their new first mentions, which a finding quoting them shows (a key that saw only the places of the
      // changed sentence's facts would keep the old order).
      const despite = withRecord(asked, ' Pain persisted despite physical therapy, chiropractic care and medications.');
      const early = parseCase(despite).summary?.prose.sentences[0];
      if (early) {
        const at = offsetOf(despite, early.range.start);
        const named = ['Medications were recommended. ', 'Chiropractic care and medications were recommended. '];
        compareSequence('treatments named first', [despite, ...named.flatMap((n) => [insert(despite, at, n), despite])]);
        versions += 1 + 2 * named.length;
      }
      // Seeded edits from there.
      const edited = [asked];
      for (let i = 0; i < 12; i++) edited.push(edit(edited[edited.length - 1]));
      compareSequence('summary edits', edited);
      versions += texts.length + edited.length;
    }
  });
  assert.ok(versions >= bases.length * 13);
  // The records change what the items are judged against: the test would see a unit reused over them wrongly.
  assert.ok(changedFindings >= bases.length, `records changed the findings of ${changedFindings} versions`);
});

// unsupported-record-claim reads the summary through keys of its own (rules/support/record/): a summary sentence that
// changes only one key's answer (a side, a response, an approval, a record class) and no concept the item asks about.
// Each toggle changes the findings; a unit reused over it would keep stale ones.
test("rule engine: a summary sentence that changes only an unsupported-record-claim key gives a fresh run's findings", () => {
  const offsetOf = (text: string, p: { line: number; character: number }) => offsetOfLine(text, p.line) + p.character;
  const withClaim = (text: string, claim: string) => {
    let out = text;
    for (const item of [...parseCase(text).items].reverse()) {
      const s = item.rationale?.prose.sentences[0];
      if (s) out = insert(out, offsetOf(out, s.range.end), claim);
    }
    return out;
  };
  const withRecord = (text: string, record: string) => {
    const last = parseCase(text).summary?.prose.sentences.at(-1);
    return last ? insert(text, offsetOf(text, last.range.end), record) : text;
  };
  const toggles: [claim: string, base: string, toggled: string][] = [
    [' The patient has left knee swelling.', ' He has right knee swelling.', ' The left knee was examined.'],
    [' The patient is responding to physical therapy with decreased pain.', ' She attended physical therapy.', ' This was helpful.'],
    [' The patient was previously approved for 8 sessions of physical therapy.', ' She attended physical therapy.', ' Occupational therapy was authorized.'],
    [' The patient had a urine drug screen that was consistent.', '', ' A CURES report was reviewed.'],
    [' The patient had an epidural injection last year.', '', ' A trigger point was found.'],
  ];
  noContainedError(() => {
    toggles.forEach(([claim, base, toggled], i) => {
      let changed = 0;
      for (const example of EXAMPLE_TEXTS.values()) {
        const a = withRecord(withClaim(example, claim), base);
        const b = withRecord(a, toggled);
        if (JSON.stringify(fresh(a)) !== JSON.stringify(fresh(b))) changed++;
        compareSequence(`toggle ${i}`, [a, b, a]);
      }
      assert.ok(changed > 0, `toggle ${i} changes no example's findings`);
    });
  });
});
