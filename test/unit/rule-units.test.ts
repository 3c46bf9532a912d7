// The rules made of parts (`units`, rules/defineRule.ts: missing-field, duplicate, unknown-field, invalid-value,
// phi, detail-mismatch, unsupported-record-claim) and the item units
// with a key (`inputs.key`): each case below edits one input one part reads
// (the header, the summary, the item's own lines, another item's service or
// authorized part, a date outside the rationales) so that a finding appears
// or disappears, and checks that the incremental service gives a fresh
// run's findings. Each case also runs the engine with that part's
// declaration broken (the read left out, the key dropped) and checks that it
// then keeps a stale finding: the edit is one the declaration is needed for.
// Texts are the invented example multiple-items.imr, edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { buildCaseModel } from '../../server/src/service/model/caseModel';
import { withPhraseMemo } from '../../server/src/service/necessity/phrases';
import { RuleCache } from '../../server/src/service/rules/engine';
import { CATALOG } from '../../server/src/service/rules/catalog/index';
import type { CheckedRule, Finding, RuleInputs } from '../../server/src/service/rules/defineRule';
import type { ImrDiagnostic } from '../../server/src/service/types';
import { EXAMPLE_TEXTS } from '../helpers/properties';

const URI = 'file:///units/case.imr';
const BASE = EXAMPLE_TEXTS.get('multiple-items.imr')!;

function fresh(text: string): ImrDiagnostic[] {
  return new LanguageService().getDiagnostics({ uri: URI, version: 1, text });
}

function replaced(text: string, edits: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of edits) {
    assert.ok(out.includes(from), `the text has ${JSON.stringify(from.slice(0, 40))}`);
    out = out.replace(from, to);
  }
  return out;
}

const ITEM3 =
  'item Pre-operative labs: CBC, BMP, PT/PTT\n  decision: upheld\n  claims-administrator: The Claims Administrator did not cite any medical evidence for its decision.\n  guideline: The MAXIMUS physician reviewer did not cite any medical evidence for its decision.\n  depends-on: Right L5-S1 microdiscectomy\n  rationale\n';
const SUMMARY_END = 'No epidural\n  injection has been tried [#no-injection].';
/** After the first sentence of the second item's rationale. */
const RATIONALE_2 = 'is not needed.';

interface Case {
  name: string;
  code: string;
  /** The part of the rule whose declaration the edit needs, and the declaration broken; none for an item's own lines. */
  unit?: number;
  broken?: Partial<RuleInputs>;
  base?: [string, string][];
  edit: [string, string][];
}

const CASES: Case[] = [
  {
    name: "duplicate: another item's service (key)",
    code: 'duplicate',
    unit: 3,
    broken: { key: undefined },
    base: [['item Assistant surgeon', 'item Pre-operative labs: CBC, BMP, PT/PTT']],
    edit: [
      [
        'item Pre-operative labs: CBC, BMP, PT/PTT\n  decision: upheld\n  claims-administrator: The Claims Administrator did not cite any medical evidence for its decision.\n  guideline: The MAXIMUS physician reviewer did not cite any medical evidence for its decision.\n  depends-on',
        'item Assistant surgeon\n  decision: upheld\n  claims-administrator: The Claims Administrator did not cite any medical evidence for its decision.\n  guideline: The MAXIMUS physician reviewer did not cite any medical evidence for its decision.\n  depends-on',
      ],
    ],
  },
  {
    name: 'duplicate: a fact label in the summary',
    code: 'duplicate',
    unit: 2,
    broken: { reads: ['header'] },
    edit: [['[#no-emg]. The treating', '[#no-emg]. The treating [#no-injection]']],
  },
  {
    name: 'duplicate: a header field',
    code: 'duplicate',
    unit: 0,
    broken: { reads: ['summary'] },
    // No line added or taken out: a part that moved is checked again whatever it reads (its messages give lines).
    edit: [['  assigned: 10/26/2016', '  received: 10/26/2016']],
  },
  {
    name: 'duplicate: an item field',
    code: 'duplicate',
    edit: [
      [
        '  decision: upheld\n  claims-administrator: The Claims Administrator did not',
        '  decision: upheld\n  decision: upheld\n  claims-administrator: The Claims Administrator did not',
      ],
    ],
  },
  {
    name: 'missing-field: a header field',
    code: 'missing-field',
    unit: 0,
    broken: { reads: ['summary'] },
    edit: [['  licensure: California, Nevada', '  licensed: California, Nevada']],
  },
  { name: 'missing-field: an item field', code: 'missing-field', edit: [['item Assistant surgeon\n  decision: upheld\n', 'item Assistant surgeon\n']] },
  {
    name: 'unknown-field: a header field',
    code: 'unknown-field',
    unit: 0,
    broken: { reads: ['summary'] },
    edit: [['  priority: standard', '  priorty: standard']],
  },
  {
    name: 'unknown-field: an item field',
    code: 'unknown-field',
    edit: [['item Assistant surgeon\n  decision: upheld', 'item Assistant surgeon\n  decison: upheld']],
  },
  {
    name: 'invalid-value: a header date',
    code: 'invalid-value',
    unit: 0,
    broken: { reads: ['summary'] },
    edit: [['  received: 10/24/2016', '  received: 10/44/2016']],
  },
  {
    name: 'invalid-value: an item decision',
    code: 'invalid-value',
    edit: [['item Assistant surgeon\n  decision: upheld', 'item Assistant surgeon\n  decision: uphold']],
  },
  {
    name: 'phi: a header field',
    code: 'phi',
    unit: 0,
    broken: { reads: [] },
    edit: [['  specialty: Orthopaedic Surgery', '  specialty: Orthopaedic Surgery, per Dr. Alvarez']],
  },
  {
    name: 'phi: the summary',
    code: 'phi',
    unit: 1,
    broken: { reads: [] },
    edit: [['The injured worker is a 44', 'Mr. Johnson is a 44']],
  },
  { name: 'phi: a rationale', code: 'phi', edit: [[RATIONALE_2, 'is not needed per Dr. Alvarez.']] },
  {
    name: "detail-mismatch: the header's UR date under a rationale",
    code: 'detail-mismatch',
    unit: 1,
    // The header's dates are in the key too (the dates outside the rationales).
    broken: { reads: ['summary'], key: undefined },
    base: [[RATIONALE_2, 'is not needed. The utilization review dated 10/05/2016 denied the request.']],
    edit: [['  ur-date: 10/05/2016', '  ur-date: 10/07/2016']],
  },
  {
    name: "detail-mismatch: the worker's sex under a rationale",
    code: 'detail-mismatch',
    unit: 1,
    broken: { reads: ['summary'] },
    base: [[RATIONALE_2, 'is not needed. She has low back pain.']],
    edit: [['  sex: male', '  sex: female']],
  },
  {
    name: 'detail-mismatch: a side the summary gives',
    code: 'detail-mismatch',
    unit: 1,
    broken: { reads: ['header'] },
    base: [[RATIONALE_2, 'is not needed. He has pain and swelling of the left knee.']],
    edit: [[SUMMARY_END, `${SUMMARY_END} He also reported right knee pain and swelling.`]],
  },
  {
    name: "detail-mismatch: another item's service (key)",
    code: 'detail-mismatch',
    unit: 1,
    broken: { key: undefined },
    base: [
      [
        ITEM3,
        ITEM3.replace('Pre-operative labs: CBC, BMP, PT/PTT', 'MRI of the right knee') + '    The request for an MRI of the left knee is not supported.\n',
      ],
    ],
    edit: [['item Assistant surgeon', 'item MRI of the left knee']],
  },
  {
    name: 'unsupported-record-claim: a record class the summary documents',
    code: 'unsupported-record-claim',
    unit: 0,
    broken: { reads: ['header'] },
    base: [[RATIONALE_2, 'is not needed. The nerve conduction study showed severe carpal tunnel syndrome.']],
    edit: [[SUMMARY_END, `${SUMMARY_END} A nerve conduction study was reviewed.`]],
  },
  {
    name: 'unsupported-record-claim: a treatment the summary records',
    code: 'unsupported-record-claim',
    unit: 0,
    broken: { reads: ['header'] },
    base: [[RATIONALE_2, 'is not needed. He has completed 12 sessions of acupuncture with no benefit.']],
    edit: [[SUMMARY_END, `${SUMMARY_END} He has had 12 sessions of acupuncture.`]],
  },
  {
    name: "unsupported-record-claim: a date in another item's field (key)",
    code: 'unsupported-record-claim',
    unit: 0,
    broken: { key: undefined },
    base: [[RATIONALE_2, 'is not needed. On 08/03/2016 the worker reported increased pain.']],
    edit: [
      [
        'item Pre-operative labs: CBC, BMP, PT/PTT\n  decision: upheld',
        'item Pre-operative labs: CBC, BMP, PT/PTT\n  request: labs of 08/03/2016\n  decision: upheld',
      ],
    ],
  },
];

const service = new LanguageService();

/** One rule's findings of each text in turn, from one engine (`cache`), or from a new engine each (no cache). */
function runRule(rule: CheckedRule<object>, texts: readonly string[], cache?: RuleCache): Finding<object>[][] {
  return texts.map((text) => {
    const file = parseCase(text);
    const ctx = { file, model: buildCaseModel(file), library: service.library, reader: service.reader };
    const out: Finding<object>[] = [];
    const engine = cache ?? new RuleCache();
    service.reader.analysis(() =>
      withPhraseMemo(() =>
        engine.run(
          ctx,
          [rule],
          (_r, f) => out.push(f),
          (_r, err) => {
            throw err;
          },
        ),
      ),
    );
    return out;
  });
}

const of = (found: readonly ImrDiagnostic[], code: string) => found.filter((d) => d.code === code);

for (const c of CASES) {
  test(`rule units: ${c.name}`, () => {
    const base = replaced(BASE, c.base ?? []);
    const edited = replaced(base, c.edit);
    // The edit changes the rule's findings: a finding appears or goes.
    assert.notDeepStrictEqual(of(fresh(edited), c.code), of(fresh(base), c.code), 'the edit changes the findings');
    // The service, reusing what it can, gives a fresh run's findings: edited, then back.
    const incremental = new LanguageService();
    [base, edited, base, edited].forEach((text, version) => {
      assert.deepStrictEqual(incremental.getDiagnostics({ uri: URI, version, text }), fresh(text), `version ${version}`);
    });
    if (c.unit === undefined) return;
    // The same edit under a broken declaration of the part keeps a stale finding.
    const rule = CATALOG.find((r) => r.code === c.code) as CheckedRule<object>;
    assert.ok(rule.units?.[c.unit], `${c.code} has part ${c.unit}`);
    // The engine checks a rule of parts by its parts (its own `check` is theirs in turn, for a run without the engine).
    const broken: CheckedRule<object> = {
      ...rule,
      units: rule.units.map((u, i) => (i === c.unit ? { ...u, inputs: { ...u.inputs, ...c.broken } } : u)),
    };
    const [, right] = runRule(rule, [base, edited], new RuleCache());
    assert.deepStrictEqual(right, runRule(rule, [edited])[0], 'the rule as declared');
    const [, stale] = runRule(broken, [base, edited], new RuleCache());
    assert.notDeepStrictEqual(stale, runRule(broken, [edited])[0], 'the broken declaration keeps a stale finding');
  });
}

test('rule units: a rule of parts finds what its parts find, part by part', () => {
  const text = replaced(BASE, [
    ['  licensure: California, Nevada\n', ''],
    ['  priority: standard', '  priorty: standard'],
    ['item Assistant surgeon\n  decision: upheld', 'item Assistant surgeon\n  decision: uphold'],
    ['The injured worker is a 44', 'Mr. Johnson is a 44'],
    [RATIONALE_2, 'is not needed per Dr. Alvarez. She has low back pain.'],
  ]);
  for (const code of ['missing-field', 'duplicate', 'unknown-field', 'invalid-value', 'phi', 'detail-mismatch', 'unsupported-record-claim']) {
    const rule = CATALOG.find((r) => r.code === code) as CheckedRule<object>;
    assert.ok(rule.units && rule.units.length > 0, `${code} is made of parts`);
    for (const u of rule.units) assert.equal(typeof (u.inputs.unit === 'item' ? u.checkItem : u.check), 'function', code);
    const file = parseCase(text);
    const ctx = { file, model: buildCaseModel(file), library: service.library, reader: service.reader };
    const whole = service.reader.analysis(() => withPhraseMemo(() => [...rule.check(ctx)]));
    assert.deepStrictEqual(runRule(rule, [text])[0], whole, code);
  }
});
