// What the benchmark scripts need from the TypeScript sources, bundled by
// bench/run.mjs into bench/.work/service.cjs (the same code dist/ ships).
export { parseCase } from '../server/src/service/syntax/parser';
export { buildCaseModel } from '../server/src/service/model/caseModel';
export { LanguageService } from '../server/src/service/languageService';
export { synthCase, asMarkdown, DEFAULT_SETS, type CriteriaSet } from './synth';
export { limitShapes, caseOfSize, longProse, manyItems } from './limitShapes';
export { importLetter } from '../server/src/service/import/index';
export { DEFAULT_MAX_FILE_KB } from '../server/src/service/input/limits';
export { createReader, bundledLexicon } from '../server/src/service/reading/index';
export { CATALOG } from '../server/src/service/rules/catalog/index';
