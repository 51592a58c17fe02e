// Registers <patsel-tree> alone.
import { PatselTreeElement } from '../patsel-tree.js';

PatselTreeElement.define();
