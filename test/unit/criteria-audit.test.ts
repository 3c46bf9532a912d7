// The audit of the criteria data (`imr criteria check`): the built-in library
// passes it (every criterion names a source, every corpus letter cited is in
// the corpus, editions meet without overlap or gap); a workspace file with a
// sourceless criterion and a letter that does not exist fails it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpusSkip, SHARED } from '../helpers/fixtures';
import { BUILT_IN_LIBRARY, libraryWith } from '../../server/src/service/necessity/library';
import { auditLibrary, auditSummary } from '../../server/src/service/necessity/audit';
import { runCli } from '../../cli/src/main';

function io(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => (err.push(s), true) } as unknown as NodeJS.WritableStream,
      env,
      cwd,
    },
    out,
    err,
  };
}

test('the built-in library passes the audit: sources named and found, editions without overlap or gap', { skip: corpusSkip }, (t) => {
  const letters = new Set(fs.readdirSync(path.join(SHARED, 'corpus', 'letters')).map((f) => f.replace(/\.txt$/, '')));
  const findings = auditLibrary(BUILT_IN_LIBRARY, { letterExists: (n) => letters.has(n) });
  const counts = auditSummary(findings);
  t.diagnostic(`audit: ${JSON.stringify(counts)}`);
  assert.deepEqual(
    findings.filter((f) => f.kind !== 'unverified').map((f) => f.message),
    [],
  );
  assert.ok(counts.unverified > 0, 'unverified criteria are listed');
});

test('a criterion without a source and a letter that is not there are findings; imr criteria check exits 1', async () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-audit-'));
  try {
    const section = {
      id: 'my-scan',
      title: 'Scan',
      source: { guideline: 'other', mtus: false, document: 'Our policy', citation: 'Our policy' },
      edition: 'no-such-edition',
      match: [['scan']],
      criteria: [
        { id: 'SCAN-01', text: 'Needed.', sourceNote: 'I think so.' },
        { id: 'SCAN-02', text: 'Also.', sourceNote: 'Corpus quote [L:CM99-0000000].' },
      ],
    };
    const lib = libraryWith([{ uri: 'file:///x.json', data: { sections: [section] } }]);
    const letters = new Set(['CM16-0236134']);
    const kinds = auditLibrary(lib, { letterExists: (n) => letters.has(n) })
      .filter((f) => f.where === 'my-scan')
      .map((f) => `${f.kind} ${f.criterion ?? ''}`.trim());
    assert.deepEqual(kinds.sort(), ['missing-source SCAN-02', 'no-source SCAN-01', 'unknown-edition']);
    // The schema refuses an unknown edition, so the CLI leaves that file out; a known one is audited.
    fs.mkdirSync(path.join(ws, '.imr', 'criteria'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'letters'));
    fs.writeFileSync(path.join(ws, 'letters', 'CM16-0236134.txt'), '');
    fs.writeFileSync(path.join(ws, '.imr', 'criteria', 'mine.json'), JSON.stringify({ sections: [{ ...section, edition: undefined }] }));
    assert.equal(await runCli(['criteria', 'check', '--corpus', 'letters'], io(ws).io), 1);
    {
      const r = io(ws);
      assert.equal(await runCli(['criteria', 'check', '--corpus', 'letters', '--json'], r.io), 1);
      const json = JSON.parse(r.out.join(''));
      assert.equal(json.counts['no-source'], 1, 'SCAN-01 only');
      assert.ok(json.counts['missing-source'] >= 1);
      const builtIn = io(ws);
      assert.equal(await runCli(['criteria', 'check', '--no-workspace-criteria'], builtIn.io), 0, builtIn.out.join(''));
      assert.match(builtIn.out.join(''), /sections; 0 without a source/);
      const bad = io(ws);
      assert.equal(await runCli(['criteria', 'nope'], bad.io), 2);
    }
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
