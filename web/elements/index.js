// All pattern-selector elements; importing this registers them.
import { PatselExplorerElement } from './patsel-explorer.js';

export { PatselExplorerElement };
export { sharedEngine } from './shared-engine.js';

PatselExplorerElement.define();
