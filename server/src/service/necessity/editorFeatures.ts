// Plugs the necessity analysis into the editor features (hover, completion,
// code actions) through their contributor registries. Imported once by the
// language service; registering twice is harmless.
import { registerHoverContributor } from '../features/hover';
import { registerCompletionContributor } from '../features/completion';
import { registerCodeActionContributor } from '../features/codeActions';
import { criterionHover } from './hover';
import { requestHover } from './requestHover';
import { criteriaCompletions } from './completion';
import { necessityCodeActions } from './codeActions';

registerHoverContributor(criterionHover);
registerHoverContributor(requestHover);
registerCompletionContributor(criteriaCompletions);
registerCodeActionContributor(necessityCodeActions);

export { criterionHover, requestHover, criteriaCompletions, necessityCodeActions };
