// Registers <patsel-card> alone, for pattern pages that need nothing else.
import { PatselCardElement } from '../patsel-card.js';

PatselCardElement.define();
