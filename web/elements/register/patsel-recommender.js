// Registers <patsel-recommender> alone.
import { PatselRecommenderElement } from '../patsel-recommender.js';

PatselRecommenderElement.define();
