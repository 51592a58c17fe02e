// Registers <patsel-changes> alone.
import { PatselChangesElement } from '../patsel-changes.js';

PatselChangesElement.define();
