/** The statistical reading of a request's intent: a probability for each intent. */
import { intentFeatures } from './features.js';
import { INTENT_MODEL } from './intent-model.js';
import { predict } from './softmax.js';

export function readIntent(text: string): Map<string, number> {
  return predict(INTENT_MODEL, intentFeatures(text));
}
