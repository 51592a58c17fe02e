// Registers <patsel-related> alone, for pattern pages (with the card: no wasm at depth 1).
import { PatselRelatedElement } from '../patsel-related.js';

PatselRelatedElement.define();
