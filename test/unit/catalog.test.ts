// The rule catalog (server/src/service/rules/catalog/) against everything that
// lists rules: each must be what `npm run catalog` generates from it, so a
// rule added, renamed or reworded in its one file cannot leave package.json,
// docs/rules.md or the catalog's index behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../server/src/service/rules/defineRule';
import { CATALOG } from '../../server/src/service/rules/catalog/index';
import { catalogIndex, docsIndex, docsOrder, docsSeverities, orderFiles, packageJson } from '../../tools/catalog/generate';
import { CATALOG_DIR, ROOT, ruleFiles } from '../../tools/catalog/files';
import { LanguageService } from '../../server/src/service/languageService';
import { contributedSettings } from '../helpers/fixtures';

const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');
const docs = read('docs', 'rules.md');
const RUN = 'run `npm run catalog`';

test('each catalog file defines the code it is named for, in the family of its folder', () => {
  const files = ruleFiles();
  assert.equal(files.length, CATALOG.length, `every file in rules/catalog/<family>/ is a rule in the index (${RUN})`);
  for (const f of files) {
    const rule = CATALOG.find((r) => r.code === f.code);
    assert.ok(rule, `${f.family}/${f.code}.ts is not in the catalog's index (${RUN})`);
    assert.equal(rule.family, f.family, `${f.code} is defined in ${f.family}/ but says family ${rule.family}`);
    assert.ok(f.family in FAMILIES, `${f.family}/ is not a family of defineRule.ts's FAMILIES`);
    assert.match(rule.code, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'codes are lower-case words joined by hyphens');
    assert.ok(rule.summary.trim() && !rule.summary.includes('\n'), `${rule.code}: a one-line summary`);
    assert.ok(rule.check || ('reportedBy' in rule && rule.reportedBy), `${rule.code}: a check, or who reports it`);
  }
  assert.equal(new Set(CATALOG.map((r) => r.code)).size, CATALOG.length, 'no code defined twice');
});

test("the catalog's index is what `npm run catalog` writes", () => {
  assert.equal(
    read('server', 'src', 'service', 'rules', 'catalog', 'index.ts'),
    catalogIndex(orderFiles(ruleFiles(), Object.keys(FAMILIES), docs)),
    `rules/catalog/index.ts is stale: ${RUN}`,
  );
  assert.ok(fs.existsSync(CATALOG_DIR));
});

test("package.json's imr.rules.* settings and restricted list are generated from the catalog", () => {
  const pkg = JSON.parse(read('package.json'));
  assert.deepEqual(pkg, packageJson(pkg, CATALOG), `package.json is out of date with the catalog: ${RUN}`);
  const settings = Object.keys(contributedSettings(pkg)).filter((k) => k.startsWith('imr.rules.'));
  assert.deepEqual(
    settings,
    CATALOG.filter((r) => r.setting !== false).map((r) => `imr.rules.${r.code}`),
  );
});

test('docs/rules.md: one section per code, in catalog order, stating its default severity, and the generated index', () => {
  assert.deepEqual(
    docsOrder(docs),
    CATALOG.map((r) => r.code),
    'docs/rules.md has a ### `code` section for each code, in the catalog order',
  );
  const severities = docsSeverities(docs);
  for (const r of CATALOG)
    assert.equal(severities.get(r.code), r.severity, `docs/rules.md#${r.code} says "Severity: ${severities.get(r.code)}." but the catalog says ${r.severity}`);
  assert.equal(docs, docsIndex(docs, CATALOG, FAMILIES), `docs/rules.md's index is out of date: ${RUN}`);
});

test('every code a check reports is its own; findings take the default severity unless they say otherwise', () => {
  // A case that trips most structure rules; the point is that what comes out carries catalog codes.
  const text = 'case X\nworker\n  age: 5\n  age: 6\n  colour: red\nitem\n  decision: maybe\n  rationale\n    See [#nothing].\n';
  const found = new LanguageService().getDiagnostics({ uri: 'file:///catalog.imr', version: 1, text });
  assert.ok(found.length > 3);
  for (const d of found)
    assert.ok(
      CATALOG.some((r) => r.code === d.code),
      `${d.code} is in the catalog`,
    );
});
