import { ConfigurableClass, Family, KerasObject, ValueError, show } from '@strata/tensor';
import { BUILTIN_LAYERS } from './builtins';
import { Layer } from './engine/layer';
import { Shape } from './engine/shape';

const layers = new Family<Layer>('layer', 'keras.layers');
for (const cls of BUILTIN_LAYERS) layers.add(cls as unknown as ConfigurableClass<Layer>);

/** Keras 3's layer JSON: the serialized object plus `build_config` once built. */
export interface LayerJSON extends KerasObject {
  /** `{ input_shape }`, or Keras's `{ shapes_dict }` for layers built from several named shapes. */
  build_config?: { input_shape?: Shape | Shape[] | null; shapes_dict?: Record<string, Shape | null> };
}

/** Options of `registerSerializable`. */
export interface RegisterOptions {
  /** The package name; the class is recorded as `'<package>>ClassName'`. Default `'Custom'`, as Keras. */
  package?: string;
}

/**
 * Registers a plugin layer class so that `deserialize` (and model loading) finds it; it is
 * serialized with Keras 3's `registered_name` `'<package>>ClassName'`. Returns that name.
 *
 * @example
 * registerSerializable(MyLayer, { package: 'my-pkg' }); // 'my-pkg>MyLayer'
 */
export function registerSerializable(cls: { readonly className: string; fromConfig(c: Record<string, unknown>): Layer }, options: RegisterOptions = {}): string {
  if (!cls || typeof cls.className !== 'string' || typeof cls.fromConfig !== 'function') {
    throw new ValueError(`registerSerializable: expected a Layer subclass with a static className, received ${show(cls)}`);
  }
  return layers.register(cls as unknown as ConfigurableClass<Layer>, options.package ?? 'Custom');
}

/** The Keras 3 JSON of a layer (`keras.layers.serialize`), with `build_config` when built. */
export function serialize(layer: Layer): LayerJSON {
  const json: LayerJSON = layers.serialize(layer);
  const buildConfig = layer.getBuildConfig();
  if (buildConfig) json.build_config = buildConfig as LayerJSON['build_config'];
  return json;
}

/**
 * Builds a layer from Keras 3 or Keras 2 layer JSON (`batch_shape` or `batch_input_shape`,
 * dtype as a string or a DTypePolicy). Built when the JSON has a `build_config`.
 * Plugin classes come from `registerSerializable` or `customObjects`.
 */
export function deserialize(json: LayerJSON | string, options: { customObjects?: Record<string, unknown> } = {}): Layer {
  const layer = layers.deserialize(json, options.customObjects);
  const config = typeof json === 'object' ? json.build_config : undefined;
  // Keras's shapes_dict lists the shapes in build's argument order (query, value, key); absent ones are null.
  const dict = config?.shapes_dict ? Object.values(config.shapes_dict).filter((s): s is Shape => s !== null) : null;
  const shape = config?.input_shape ?? dict;
  if (shape) layer.maybeBuild(shape);
  return layer;
}

/** The class registered for a name (built-in class name, or a plugin's registered name). */
export function getLayerClass(name: string, customObjects?: Record<string, unknown>): ConfigurableClass<Layer> {
  return layers.lookup(name, customObjects);
}
