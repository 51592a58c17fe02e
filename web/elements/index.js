// All pattern-selector elements; importing this registers them.
import { PatselCardElement } from './patsel-card.js';
import { PatselExplorerElement } from './patsel-explorer.js';
import { PatselRelatedElement } from './patsel-related.js';
import { PatselTreeElement } from './patsel-tree.js';
import { PatselRecommenderElement } from './patsel-recommender.js';
import { PatselTimelineElement } from './patsel-timeline.js';
import { PatselCompareElement } from './patsel-compare.js';
import { PatselStackElement } from './patsel-stack.js';
import { PatselLearningPathElement } from './patsel-learning-path.js';
import { PatselProblemMatrixElement } from './patsel-problem-matrix.js';
import { PatselQuickReferenceElement } from './patsel-quick-reference.js';
import { PatselCompositionsElement } from './patsel-compositions.js';

export { PatselCardElement, PatselExplorerElement };
export { PatselRelatedElement };
export { PatselTreeElement };
export { PatselRecommenderElement };
export { PatselTimelineElement };
export { PatselCompareElement };
export { PatselStackElement };
export { PatselLearningPathElement, PatselProblemMatrixElement, PatselQuickReferenceElement, PatselCompositionsElement };
export { sharedEngine } from './shared-engine.js';
export { setPatternPages } from './links.js';
export { NAVIGATE_EVENT } from './navigation.js';
export { hostTheme } from './host-theme.js';

PatselCardElement.define();
PatselExplorerElement.define();
PatselRelatedElement.define();
PatselTreeElement.define();
PatselRecommenderElement.define();
PatselTimelineElement.define();
PatselCompareElement.define();
PatselStackElement.define();
PatselLearningPathElement.define();
PatselProblemMatrixElement.define();
PatselQuickReferenceElement.define();
PatselCompositionsElement.define();
