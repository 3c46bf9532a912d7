// Plugs the necessity analysis into the editor features (hover, completion)
// through their contributor registries. Imported once by the language
// service; registering twice is harmless.
import { registerHoverContributor } from '../features/hover';
import { registerCompletionContributor } from '../features/completion';
import { criterionHover } from './hover';
import { requestHover } from './requestHover';
import { criteriaCompletions } from './completion';

registerHoverContributor(criterionHover);
registerHoverContributor(requestHover);
registerCompletionContributor(criteriaCompletions);
