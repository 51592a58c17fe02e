// Registers <patsel-compositions> alone.
import { PatselCompositionsElement } from '../patsel-compositions.js';

PatselCompositionsElement.define();
