// Registers <patsel-compare> alone.
import { PatselCompareElement } from '../patsel-compare.js';

PatselCompareElement.define();
