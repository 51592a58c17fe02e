// Registers <patsel-problem-matrix> alone.
import { PatselProblemMatrixElement } from '../patsel-problem-matrix.js';

PatselProblemMatrixElement.define();
