// The `imr` command line, run as a user runs it: `node bin/imr.js ...` on the
// built bundle (npm test builds first). Expected diagnostics come from the
// language service itself, so these tests check the CLI's plumbing and formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, readExample, diagnose } from '../helpers/fixtures';
import type { ImrDiagnostic } from '../../server/src/service/types';

const BIN = path.join(ROOT, 'bin', 'imr.js');
const EXAMPLE = 'examples/lumbar-mri-upheld.imr';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function imr(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A diagnostic as the JSON report gives it: what the service said, related places included. */
function asReported(d: ImrDiagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: d.range,
    ...(d.relatedInformation?.length ? { relatedInformation: d.relatedInformation.map((r) => ({ message: r.message, range: r.range })) } : {}),
  };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'imr-cli-'));
}

/** The seed letter without the line stating the reviewer's licensure. */
function withoutLicensure(): string {
  return readExample('lumbar-mri-upheld.imr')
    .split('\n')
    .filter((l) => !/^\s*licensure:/.test(l))
    .join('\n');
}

/** The seed letter with a malformed case number: a warning, not an error. */
function withWarning(): string {
  return readExample('lumbar-mri-upheld.imr').replace(/^case CM\d\d-\d+/m, 'case CM15-02');
}

test('imr --help lists check, --version prints the package version, unknown commands exit 2', () => {
  const help = imr(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: imr <command>/);
  assert.match(help.stdout, /\n {2}check +\S/);
  const checkHelp = imr(['check', '--help']);
  assert.equal(checkHelp.status, 0);
  assert.match(checkHelp.stdout, /^Usage: imr check FILE\|DIR\|GLOB/);
  const version = imr(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  const unknown = imr(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
});

test('the seed letter checks without syntax errors and exits 0', () => {
  const r = imr(['check', EXAMPLE]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, / syntax /);
  assert.doesNotMatch(r.stdout, / error /);
  assert.match(r.stdout, /^Checked 1 file: 0 errors, \d+ warnings? in \d+\.\d+ s$/m);
});

test('deleting the licensure line gives a missing-field error naming "State(s) of Licensure", exit 1', () => {
  const dir = tempDir();
  const text = withoutLicensure();
  fs.writeFileSync(path.join(dir, 'case.imr'), text);
  const r = imr(['check', 'case.imr'], dir);
  assert.equal(r.status, 1);
  const reviewerLine = text.split('\n').findIndex((l) => l.startsWith('reviewer')) + 1;
  const line = r.stdout.split('\n').find((l) => l.includes('missing-field'));
  assert.ok(line, r.stdout);
  assert.match(line, new RegExp(`^case\\.imr:${reviewerLine}:1 error missing-field .*State\\(s\\) of Licensure`));
  assert.match(r.stdout, /Checked 1 file: 1 error/);
});

test('--format json gives zero-based LSP ranges equal to the language service', () => {
  const dir = tempDir();
  const text = withoutLicensure();
  fs.writeFileSync(path.join(dir, 'case.imr'), text);
  const r = imr(['check', 'case.imr', '--format', 'json'], dir);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout);
  const expected = diagnose(text).map(asReported);
  assert.deepEqual(report, [{ file: 'case.imr', diagnostics: expected }]);
  // The summary stays off stdout so the JSON parses.
  assert.match(r.stderr, /Checked 1 file/);
});

test('--format sarif is SARIF 2.1.0 with rules, their help text and one-based regions', () => {
  const dir = tempDir();
  const text = withoutLicensure();
  fs.writeFileSync(path.join(dir, 'case.imr'), text);
  const r = imr(['check', 'case.imr', '-f', 'sarif'], dir);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const diags = diagnose(text);
  assert.equal(run.results.length, diags.length);
  const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.deepEqual(ruleIds, [...new Set(diags.map((d) => d.code))].sort());
  for (const rule of run.tool.driver.rules) {
    // The rule's section of docs/rules.md travels in the report: no link to a folder of this machine.
    assert.equal(rule.helpUri, undefined);
    assert.ok(rule.help.markdown.startsWith(`### \`${rule.id}\``), rule.id);
    assert.match(rule.help.markdown, /Severity: /);
    assert.ok(!rule.help.markdown.includes('\n### '), `${rule.id}: one section only`);
    assert.ok(rule.shortDescription.text.length > 0);
  }
  const missing = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-field');
  const d = diags.find((x) => x.code === 'missing-field')!;
  assert.equal(missing.level, 'error');
  assert.equal(run.tool.driver.rules[missing.ruleIndex].id, 'missing-field');
  assert.equal(missing.locations[0].physicalLocation.artifactLocation.uri, 'case.imr');
  assert.deepEqual(missing.locations[0].physicalLocation.region, {
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  });
});

test('-o writes the report to a file', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'case.imr'), withoutLicensure());
  const r = imr(['check', 'case.imr', '-f', 'json', '-o', 'report.json'], dir);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
  assert.equal(report[0].file, 'case.imr');
  assert.ok(report[0].diagnostics.some((d: { code: string }) => d.code === 'missing-field'));
});

test('-o never replaces an existing file without --force: a case file named by mistake survives', () => {
  const dir = tempDir();
  const text = withoutLicensure();
  fs.writeFileSync(path.join(dir, 'case.imr'), text);
  const r = imr(['check', 'case.imr', '-o', 'case.imr'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /case\.imr already exists; use --force to replace it/);
  assert.equal(fs.readFileSync(path.join(dir, 'case.imr'), 'utf8'), text);
  fs.writeFileSync(path.join(dir, 'report.json'), 'old');
  const forced = imr(['check', 'case.imr', '-f', 'json', '-o', 'report.json', '--force'], dir);
  assert.equal(forced.status, 1);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].file, 'case.imr');
});

test('--max-warnings: warnings pass by default and fail past the limit', () => {
  const dir = tempDir();
  const text = withWarning();
  const diags = diagnose(text);
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  assert.ok(warnings >= 1, 'the fixture must produce a warning');
  assert.equal(diags.filter((d) => d.severity === 'error').length, 0, 'the fixture must produce no error');
  fs.writeFileSync(path.join(dir, 'case.imr'), text);
  assert.equal(imr(['check', 'case.imr'], dir).status, 0);
  assert.equal(imr(['check', 'case.imr', '--max-warnings', String(warnings)], dir).status, 0);
  const over = imr(['check', 'case.imr', '--max-warnings', String(warnings - 1)], dir);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /more than --max-warnings/);
});

test('usage errors exit 2 with a message', () => {
  for (const args of [['check'], ['check', EXAMPLE, '--format', 'xml'], ['check', EXAMPLE, '--bogus'], ['check', EXAMPLE, '--max-warnings', 'many']]) {
    const r = imr(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /imr check: .+\nSee `imr check --help`/, args.join(' '));
    assert.equal(r.stdout, '');
  }
});

test('missing, binary, non-UTF-8 and oversized files are reported and skipped; the rest is still checked (exit 2)', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'bad-case.imr'), withoutLicensure());
  fs.writeFileSync(path.join(dir, 'binary.imr'), Buffer.from([0x63, 0x61, 0x00, 0x73, 0x65]));
  fs.writeFileSync(path.join(dir, 'latin1.imr'), Buffer.from('case CM15-0201234\n  organization: Caf\xe9\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'huge.imr'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  const r = imr(['check', '.', 'missing.imr', '-f', 'json'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /skipped binary\.imr: binary file/);
  assert.match(r.stderr, /skipped latin1\.imr: not UTF-8/);
  assert.match(r.stderr, /skipped huge\.imr: too large/);
  assert.match(r.stderr, /skipped missing\.imr: cannot read: no such file/);
  const report = JSON.parse(r.stdout);
  const bad = report.find((x: { file: string }) => x.file === 'bad-case.imr');
  assert.ok(bad.diagnostics.some((d: { code: string }) => d.code === 'missing-field'));
  assert.equal(report.filter((x: { skipped?: string }) => x.skipped).length, 4);
});

test('a UTF-8 byte order mark is not part of the case', () => {
  const dir = tempDir();
  const text = readExample('lumbar-mri-upheld.imr');
  fs.writeFileSync(path.join(dir, 'bom.imr'), '\ufeff' + text);
  const r = imr(['check', 'bom.imr', '-f', 'json'], dir);
  assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics, diagnose(text).map(asReported));
});

test('directories are searched for *.imr; globs are expanded; names are listed as found', () => {
  const dir = tempDir();
  const good = readExample('lumbar-mri-upheld.imr');
  fs.mkdirSync(path.join(dir, 'cases', '2015', 'nov'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'cases', '.hidden'));
  fs.mkdirSync(path.join(dir, 'other'));
  fs.writeFileSync(path.join(dir, 'cases', 'a.imr'), good);
  fs.writeFileSync(path.join(dir, 'cases', '2015', 'b.imr'), good);
  fs.writeFileSync(path.join(dir, 'cases', '2015', 'nov', 'c.imr'), withoutLicensure());
  fs.writeFileSync(path.join(dir, 'cases', '2015', 'notes.txt'), 'not a case');
  fs.writeFileSync(path.join(dir, 'cases', '.hidden', 'd.imr'), good);
  fs.writeFileSync(path.join(dir, 'other', 'e.imr'), good);
  const files = (args: string[]) => {
    const r = imr(['check', ...args, '-f', 'json'], dir);
    return JSON.parse(r.stdout).map((x: { file: string }) => x.file);
  };
  assert.deepEqual(files(['cases']), ['cases/2015/b.imr', 'cases/2015/nov/c.imr', 'cases/a.imr']);
  assert.deepEqual(files(['cases/**/*.imr']), ['cases/2015/b.imr', 'cases/2015/nov/c.imr', 'cases/a.imr']);
  assert.deepEqual(files(['cases/*.imr']), ['cases/a.imr']);
  assert.deepEqual(files(['**/{a,e}.imr']), ['cases/a.imr', 'other/e.imr']);
  assert.deepEqual(files(['cases/20?5/*']), ['cases/2015/b.imr', 'cases/2015/notes.txt']);
  // A file named outright is checked whatever its extension, once even if named twice.
  assert.deepEqual(files(['cases/a.imr', 'cases/a.imr', 'other']), ['cases/a.imr', 'other/e.imr']);
  const none = imr(['check', 'cases/**/*.case'], dir);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /cases\/\*\*\/\*\.case: no files match/);
  const exitOnError = imr(['check', 'cases'], dir);
  assert.equal(exitOnError.status, 1);
  assert.match(exitOnError.stdout, /^cases\/2015\/nov\/c\.imr:\d+:\d+ error missing-field /m);
});

test('worker threads give the same report as a single thread', () => {
  const dir = tempDir();
  const base = readExample('lumbar-mri-upheld.imr');
  const variants = [base, withoutLicensure(), withWarning(), base.replace('decision: upheld', 'decision: maybe'), ''];
  for (let i = 0; i < 150; i++) {
    fs.writeFileSync(path.join(dir, `case-${String(i).padStart(3, '0')}.imr`), variants[i % variants.length]);
  }
  fs.writeFileSync(path.join(dir, 'zz-binary.imr'), Buffer.from([0, 1, 2]));
  const single = imr(['check', '.', '-f', 'json', '--jobs', '1'], dir);
  const multi = imr(['check', '.', '-f', 'json', '--jobs', '3'], dir);
  assert.equal(single.status, 2);
  assert.equal(multi.status, single.status);
  const a = JSON.parse(single.stdout);
  assert.equal(a.length, 151);
  assert.ok(a.some((x: { diagnostics: unknown[] }) => x.diagnostics.length > 0));
  assert.deepEqual(JSON.parse(multi.stdout), a);
  assert.match(multi.stderr, /skipped zz-binary\.imr/);
});

test('no progress bar when stderr is piped or CI is set', () => {
  const dir = tempDir();
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `c${i}.imr`), readExample('lumbar-mri-upheld.imr'));
  for (const env of [{ CI: '' }, { CI: 'true' }]) {
    const r = imr(['check', '.'], dir, env);
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stderr, /\r|\[#|files\]/);
    assert.equal(r.stderr, '');
  }
});

test('workspace criteria in .imr/criteria apply to the check, and their own problems are reported', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, '.imr', 'criteria'), { recursive: true });
  const section = {
    sections: [
      {
        id: 'work-hardening',
        title: 'Work hardening',
        source: {
          guideline: 'MTUS',
          mtus: true,
          document: 'CPMTG 2016',
          citation: 'MTUS Chronic Pain Medical Treatment Guidelines 2016, Section(s): Work hardening',
        },
        match: [['work hardening']],
        criteria: [{ id: 'WH-01', text: 'A defined return-to-work goal.', sourceNote: 'workspace', decisive: true }],
      },
    ],
  };
  const caseText = readExample('lumbar-mri-upheld.imr').replace(
    /criteria: low-back-mri\n( {4}LMRI.*\n)+/,
    'criteria: work-hardening\n    WH-01: not met [#conservative-care]\n',
  );
  fs.writeFileSync(path.join(dir, 'case.imr'), caseText);
  // Without the workspace file the section is unknown to the library.
  const before = JSON.parse(imr(['check', 'case.imr', '--format', 'json'], dir).stdout);
  assert.ok(
    before[0].diagnostics.some((d: { message: string }) => /work-hardening/.test(d.message)),
    'the built-in library does not know work-hardening',
  );
  fs.writeFileSync(path.join(dir, '.imr', 'criteria', 'work.json'), JSON.stringify(section, null, 2));
  const after = JSON.parse(imr(['check', 'case.imr', '--format', 'json'], dir).stdout);
  assert.ok(!after[0].diagnostics.some((d: { message: string }) => /work-hardening/.test(d.message)));
  // A broken criteria file is an error in that file, and the run fails.
  fs.writeFileSync(path.join(dir, '.imr', 'criteria', 'broken.json'), '{ "sections": [ { "id": "x", } ] }');
  const broken = imr(['check', 'case.imr', '--format', 'json'], dir);
  assert.equal(broken.status, 1);
  const report = JSON.parse(broken.stdout);
  const file = report.find((r: { file: string }) => r.file.endsWith('broken.json'));
  assert.equal(file.diagnostics[0].code, 'criteria-data');
});

test('--no-workspace-criteria checks a folder one does not trust against the built-in library only', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, '.imr', 'criteria'), { recursive: true });
  // A stranger's criteria file that redefines the section the case cites, with nothing left to check.
  fs.writeFileSync(
    path.join(dir, '.imr', 'criteria', 'lenient.json'),
    JSON.stringify({
      sections: [
        {
          id: 'my-mri',
          title: 'MRI',
          source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
          match: [['mri']],
          criteria: [{ id: 'MYMRI-01', text: 't', sourceNote: 'n' }],
        },
      ],
    }),
  );
  fs.writeFileSync(path.join(dir, 'case.imr'), readExample('lumbar-mri-upheld.imr').replace('criteria: low-back-mri', 'criteria: my-mri'));
  const unknown = (r: { stdout: string }) =>
    JSON.parse(r.stdout)[0].diagnostics.some((d: { message: string }) => /"my-mri" is not a guideline section/.test(d.message));
  assert.equal(unknown(imr(['check', 'case.imr', '--format', 'json'], dir)), false, "by default the folder's criteria count");
  const strict = imr(['check', 'case.imr', '--format', 'json', '--no-workspace-criteria'], dir);
  assert.equal(unknown(strict), true, 'with the flag they are not read');
  assert.equal(JSON.parse(strict.stdout).length, 1, 'and the criteria file is not reported on');
});

test('JSON and SARIF carry contradicts-record with the summary sentence it contradicts', () => {
  const json = JSON.parse(imr(['check', EXAMPLE, '--format', 'json']).stdout);
  const hits = json[0].diagnostics.filter((d: { code: string }) => d.code === 'contradicts-record');
  assert.ok(hits.length > 0, 'the seed case lists contradicts-record');
  const lines = readExample('lumbar-mri-upheld.imr').split('\n');
  const related = hits[0].relatedInformation[0];
  assert.match(lines[related.range.start.line].slice(related.range.start.character), /^There were abnormalities noted in strength/);
  const sarif = JSON.parse(imr(['check', EXAMPLE, '--format', 'sarif']).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'contradicts-record');
  assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, related.range.start.line + 1);
});

test("SARIF names every case relative to the run's root, an absolute argument too, and no directory of the machine", () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'cases'));
  fs.writeFileSync(path.join(dir, 'cases', 'case.imr'), withoutLicensure());
  const r = imr(['check', path.join(dir, 'cases', 'case.imr'), '-f', 'sarif'], dir);
  const run = JSON.parse(r.stdout).runs[0];
  const uris = run.results.map(
    (x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation,
  );
  assert.ok(uris.length > 0);
  for (const u of uris) assert.deepEqual(u, { uri: 'cases/case.imr', uriBaseId: '%SRCROOT%' });
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, undefined);
  // helpUri and informationUri point into the installed docs; the cases' directory appears nowhere.
  assert.ok(!r.stdout.includes(dir), 'the temporary directory of the run is not in the report');
});
