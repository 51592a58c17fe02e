// Registers <patsel-health> alone.
import { PatselHealthElement } from '../patsel-health.js';

PatselHealthElement.define();
