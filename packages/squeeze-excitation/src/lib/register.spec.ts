import { deserialize, serialize } from '@strata/layers';
import { loadModel } from '@strata/saving';
import { tensor } from '@strata/tensor';
import { join } from 'node:path';
import { SqueezeExcitation } from './squeeze-excitation';
import { REGISTERED_PACKAGE, register } from './register';

describe('register', () => {
  it("records SqueezeExcitation under Keras 3's registered name and finds it by that name", () => {
    expect(register()).toEqual([`${REGISTERED_PACKAGE}>SqueezeExcitation`]);
    const layer = new SqueezeExcitation();
    layer.apply(tensor([[[1, 2], [3, 4]]]));
    const json = JSON.parse(JSON.stringify(serialize(layer)));
    expect(json.registered_name).toBe('strata_squeeze_excitation>SqueezeExcitation');
    const copy = deserialize(json);
    expect(copy).toBeInstanceOf(SqueezeExcitation);
    expect(copy.getConfig()).toEqual(layer.getConfig());
  });

  it('lets loadModel find the layer in a file Keras wrote, without customObjects', async () => {
    register();
    const model = await loadModel(join(__dirname, '__fixtures__/keras-made.keras'));
    expect(model.getLayer('se')).toBeInstanceOf(SqueezeExcitation);
  });
});
