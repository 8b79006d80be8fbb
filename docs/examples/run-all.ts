// Runs every docs example once (used when checking the docs by hand; the CI check only type-checks).
import { tensorsExample } from './tensors';
import { sequentialExample } from './sequential';
import { functionalExample } from './functional';
import { customLayerExample } from './custom-layer';
import { customObjectsExample } from './custom-objects';

export async function runAll(): Promise<Record<string, unknown>> {
  return {
    tensors: tensorsExample(),
    sequential: await sequentialExample(),
    functional: await functionalExample(),
    customLayer: customLayerExample(),
    customObjects: await customObjectsExample(),
  };
}
