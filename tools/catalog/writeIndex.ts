// `npm run catalog`, step 1: writes rules/catalog/index.ts from the rule files
// there (it must exist before step 2 can load the catalog).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../server/src/service/rules/defineRule';
import { catalogIndex, orderFiles } from './generate';
import { CATALOG_DIR, ROOT, ruleFiles, writeIfChanged } from './files';

const docs = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
writeIfChanged(path.join(CATALOG_DIR, 'index.ts'), catalogIndex(orderFiles(ruleFiles(), Object.keys(FAMILIES), docs)));
