import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { loadModelFromBytes } from './load-model';
import { saveModelToBytes } from './save-model';
import { KERAS_DIR, h5Layout } from './testing/fixtures';
import { Scale } from './testing/scale';

const weightsOf = (archive: Uint8Array) => unzipSync(archive)['model.weights.h5'];

describe('model.weights.h5 layout', () => {
  // Loading a Keras file and saving it again must give Keras's layout group for group: paths,
  // the `name` attribute of every `vars` group, dataset shapes and dtypes.
  test.each(['mlp', 'two_io', 'cnn', 'custom'])('%s.keras re-saved by Strata has the layout Keras wrote', async (name) => {
    const keras = readFileSync(path.join(KERAS_DIR, `${name}.keras`));
    const model = await loadModelFromBytes(keras, { customObjects: { 'my_pkg>Scale': Scale } });
    const strata = await saveModelToBytes(model);
    expect(await h5Layout(weightsOf(strata))).toEqual(await h5Layout(weightsOf(keras)));
  });
});
