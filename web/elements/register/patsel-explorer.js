// Registers <patsel-explorer> alone.
import { PatselExplorerElement } from '../patsel-explorer.js';

PatselExplorerElement.define();
