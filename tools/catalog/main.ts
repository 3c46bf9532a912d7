// `npm run catalog`, step 2: writes what is generated from the loaded catalog
// (package.json's rule settings and restricted list, docs/rules.md's index).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../server/src/service/rules/defineRule';
import { CATALOG } from '../../server/src/service/rules/catalog/index';
import { docsIndex, packageJson } from './generate';
import { ROOT, writeIfChanged } from './files';

const pkgFile = path.join(ROOT, 'package.json');
writeIfChanged(pkgFile, JSON.stringify(packageJson(JSON.parse(fs.readFileSync(pkgFile, 'utf8')), CATALOG), null, 2) + '\n');
const docsFile = path.join(ROOT, 'docs', 'rules.md');
writeIfChanged(docsFile, docsIndex(fs.readFileSync(docsFile, 'utf8'), CATALOG, FAMILIES));
