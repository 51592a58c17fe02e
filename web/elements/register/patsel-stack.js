// Registers <patsel-stack> alone.
import { PatselStackElement } from '../patsel-stack.js';

PatselStackElement.define();
