// Registers <patsel-learning-path> alone.
import { PatselLearningPathElement } from '../patsel-learning-path.js';

PatselLearningPathElement.define();
