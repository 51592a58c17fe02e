// Registers <patsel-quick-reference> alone.
import { PatselQuickReferenceElement } from '../patsel-quick-reference.js';

PatselQuickReferenceElement.define();
