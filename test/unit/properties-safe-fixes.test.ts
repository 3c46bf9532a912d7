// Property: a quick-fix an editor may apply without the author reading it
// (the preferred one, which auto-fix applies, and the document's Fix All)
// never changes what the reviewer decided: an item's decision, a criterion's
// status, a date. For every rule's fixes, on examples changed at random and
// on the mistakes a tired reviewer makes (a decision reversed or mistyped, a
// status changed, a date in the summary that disagrees with the header),
// each offered fix is applied and the decisions, statuses and dates before
// and after compared; a fix that changes one must not be preferred, and Fix
// All must change none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { getField } from '../../server/src/service/model/caseModel';
import { sectionSpec } from '../../server/src/service/schema/fields';
import { EXAMPLE_NAMES, EXAMPLE_TEXTS, caseText, mutatedExample, noContainedError, settings } from '../helpers/properties';
import { applyEdits } from '../helpers/edits';

let n = 0;
const doc = (text: string) => ({ uri: `file:///safe-fixes/${++n}.imr`, version: 1, text });

const DATE_TOKEN = /\b\d{1,4}[-/]\d{1,2}[-/]\d{1,4}\b/g;

/** What a fix must not change on its own: per item its decision and the multiset of its decided statuses, every date field, the dates written anywhere. */
function decided(text: string) {
  const file = parseCase(text);
  const items = file.items.map((item) => ({
    decision: getField(item, 'decision')?.value.trim().toLowerCase() ?? '',
    statuses: (item.criteria?.entries ?? [])
      .map((e) => e.status ?? e.statusText?.value.trim().toLowerCase() ?? '')
      .filter((s) => s !== '' && s !== 'unknown')
      .sort()
      .join('|'),
  }));
  const dates = new Map<string, string>();
  file.sections.forEach((section, i) => {
    const spec = sectionSpec(section.kind);
    for (const f of section.fields) {
      if (spec?.fields.find((x) => x.key === f.key)?.type === 'date') dates.set(`${i}:${f.key}`, f.value.trim());
    }
  });
  const tokens = text.match(DATE_TOKEN) ?? [];
  return { items, dates, tokens };
}

/** How `after` changes the decisions, statuses or dates of `before` (empty: it changes none). */
function protectedChanges(before: string, after: string): string[] {
  const a = decided(before);
  const b = decided(after);
  const out: string[] = [];
  a.items.forEach((item, i) => {
    const later = b.items[i];
    if (!later) return;
    if (later.decision !== item.decision) out.push(`item ${i + 1}'s decision "${item.decision}" -> "${later.decision}"`);
    if (later.statuses !== item.statuses) out.push(`item ${i + 1}'s criteria statuses ${item.statuses} -> ${later.statuses}`);
  });
  for (const [k, v] of a.dates) {
    const w = b.dates.get(k);
    if (w !== undefined && w !== v && v !== '') out.push(`date field ${k} "${v}" -> "${w}"`);
  }
  // A date may go (a date of birth redacted) but none may appear or change.
  const left = [...a.tokens];
  for (const t of b.tokens) {
    const i = left.indexOf(t);
    if (i < 0) out.push(`date "${t}" written`);
    else left.splice(i, 1);
  }
  return out;
}

// The mistakes whose fixes are the dangerous ones.
const ITEM_DECISION = /^(\s+decision:\s*)(upheld|overturned)\s*$/;
const STATUS = /^(\s+[A-Za-z]+-\d+:\s*)(met|not met|not applicable)\b/;
const PROSE_DATE = /\b(\d{1,2})([-/])(\d{1,2})([-/])(\d{2,4})\b/;
type Mistake = { kind: 'flip' | 'typo' | 'status' | 'date'; at: number; cut: number };
const mistake: fc.Arbitrary<Mistake> = fc.record({
  kind: fc.constantFrom('flip' as const, 'typo' as const, 'status' as const, 'date' as const),
  at: fc.integer({ min: 0, max: 10_000 }),
  cut: fc.integer({ min: 1, max: 4 }),
});

function makeMistake(text: string, m: Mistake): string {
  const lines = text.split('\n');
  const pick = (ok: (line: string) => boolean) => {
    const c = lines.flatMap((l, i) => (ok(l) ? [i] : []));
    return c.length ? c[Math.floor((m.at / 10_001) * c.length)] : -1;
  };
  if (m.kind === 'flip' || m.kind === 'typo') {
    const i = pick((l) => ITEM_DECISION.test(l));
    if (i < 0) return text;
    lines[i] = lines[i].replace(
      ITEM_DECISION,
      (_w, k: string, v: string) => k + (m.kind === 'flip' ? (v === 'upheld' ? 'overturned' : 'upheld') : v.slice(0, v.length - m.cut)),
    );
  } else if (m.kind === 'status') {
    const i = pick((l) => STATUS.test(l));
    if (i < 0) return text;
    lines[i] = lines[i].replace(STATUS, (_w, k: string, v: string) => k + (v === 'met' ? 'not met' : 'met'));
  } else {
    // A date in prose (an indented line that is not a field) a few days off: detail-mismatch's fix would "mend" it.
    const i = pick((l) => /^\s/.test(l) && !/^\s+[a-z-]+:/.test(l) && PROSE_DATE.test(l));
    if (i < 0) return text;
    lines[i] = lines[i].replace(
      PROSE_DATE,
      (_w, mo: string, s1: string, d: string, s2: string, y: string) => `${mo}${s1}${Number(d) >= 25 ? Number(d) - m.cut : Number(d) + m.cut}${s2}${y}`,
    );
  }
  return lines.join('\n');
}

const mistaken = fc
  .tuple(fc.constantFrom(...EXAMPLE_NAMES), fc.array(mistake, { minLength: 1, maxLength: 3 }))
  .map(([name, ms]) => ms.reduce(makeMistake, EXAMPLE_TEXTS.get(name)!));

test('property: no preferred quick-fix and no Fix All changes a decision, a criterion status or a date', (t) => {
  let preferred = 0;
  let fixAll = 0;
  const unsafeByRule = new Map<string, number>();
  fc.assert(
    fc.property(fc.oneof({ arbitrary: mistaken, weight: 3 }, { arbitrary: mutatedExample, weight: 2 }, { arbitrary: caseText, weight: 1 }), (text) => {
      noContainedError(() => {
        const service = new LanguageService();
        const d = doc(text);
        for (const target of service.getDiagnostics(d)) {
          for (const action of service.getCodeActions(d, target.range, [target])) {
            if (action.isPreferred) preferred++;
            const changes = protectedChanges(text, applyEdits(text, action.edits));
            if (changes.length === 0) continue;
            unsafeByRule.set(target.code, (unsafeByRule.get(target.code) ?? 0) + 1);
            assert.ok(!action.isPreferred, `the preferred fix "${action.title}" for ${target.code} changes ${changes.join('; ')}`);
          }
        }
        const all = service.getFixAll(d);
        if (all) {
          fixAll++;
          assert.deepEqual(protectedChanges(text, applyEdits(text, all.edits)), [], 'Fix All changes what the reviewer decided');
        }
      });
    }),
    settings(120),
  );
  t.diagnostic(
    `${preferred} preferred fixes, ${fixAll} Fix All actions; fixes that change a decision, status or date (none preferred): ${[...unsafeByRule]
      .sort()
      .map(([c, k]) => `${c} ${k}`)
      .join(', ')}`,
  );
  // The inputs must reach the dangerous fixes, or the property holds of nothing.
  assert.ok(preferred > 0 && fixAll > 0, 'the inputs offered preferred fixes and Fix All');
  for (const code of ['decision-contradicts-rationale', 'invalid-value', 'detail-mismatch'])
    assert.ok(unsafeByRule.has(code), `the inputs reached ${code}'s fixes that change a decision or a date`);
});

test('a mistyped decision lists the value it most likely meant first, and none is preferred', () => {
  const service = new LanguageService();
  const text = EXAMPLE_TEXTS.get('physical-therapy-overturned.imr')!.replace(/^(\s+decision:\s*)overturned\s*$/m, '$1overturn');
  const d = doc(text);
  const target = service.getDiagnostics(d).find((x) => x.code === 'invalid-value' && /overturn/.test(x.message));
  assert.ok(target, 'decision: overturn is reported');
  assert.deepEqual(
    service.getCodeActions(d, target.range, [target]).map((a) => [a.title, a.isPreferred]),
    [
      ['Change decision to "overturned"', false],
      ['Change decision to "upheld"', false],
    ],
  );
  const up = doc(text.replace(/^(\s+decision:\s*)overturn\s*$/m, '$1uphld'));
  const t2 = service.getDiagnostics(up).find((x) => x.code === 'invalid-value' && /uphld/.test(x.message));
  assert.ok(t2);
  assert.equal(service.getCodeActions(up, t2.range, [t2])[0].title, 'Change decision to "upheld"');
});

test('Fix All applies the safe fixes of the whole case in one edit and leaves a reversed decision to the author', () => {
  const service = new LanguageService();
  const base = EXAMPLE_TEXTS.get('lumbar-mri-upheld.imr')!;
  // A field name mistyped (one closest field: safe) and a decision reversed (not safe).
  const text = base.replace(/^(\s+)licensure:/m, '$1licensur:').replace(/^(\s+decision:\s*)upheld\s*$/m, '$1overturned');
  const d = doc(text);
  const codes = service.getDiagnostics(d).map((x) => x.code);
  assert.ok(codes.includes('unknown-field') && codes.includes('decision-contradicts-rationale'), codes.join(', '));
  const all = service.getFixAll(d);
  assert.ok(all, 'a Fix All action');
  assert.equal(all.kind, 'source.fixAll');
  const fixed = applyEdits(text, all.edits);
  assert.match(fixed, /^\s+licensure:/m);
  assert.match(fixed, /^\s+decision:\s*overturned\s*$/m, 'the decision stays as the reviewer wrote it');
  assert.ok(service.getDiagnostics(doc(fixed)).some((x) => x.code === 'decision-contradicts-rationale'));
  assert.equal(service.getFixAll(doc(base)), undefined, 'nothing to fix, no action');
});
