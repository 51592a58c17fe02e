// Registers <patsel-timeline> alone.
import { PatselTimelineElement } from '../patsel-timeline.js';

PatselTimelineElement.define();
