import { ValueError, show } from './errors';

/** Keras 3's serialized object: `{ module, class_name, config, registered_name }`. */
export interface KerasObject {
  module?: string;
  class_name: string;
  config?: Record<string, unknown>;
  registered_name?: string | null;
}

/** A Keras-style class: built from camelCase options, read back through `getConfig()` (snake_case). */
export interface Configurable {
  getConfig(): Record<string, unknown>;
}

/** The constructor side of a family member; `className` is Keras's class name. */
export interface ConfigurableClass<T extends Configurable> {
  new (...args: never[]): T;
  /** Keras's class name, kept as a static so minifiers cannot break serialization. */
  readonly className: string;
  /** Builds an instance from a Keras (snake_case) config. */
  fromConfig(config: Record<string, unknown>): T;
}

/**
 * Keras's `to_snake_case`, used for default layer names and identifiers:
 * `'HeUniform'` → `'he_uniform'`, `'Conv2D'` → `'conv2d'`, `'PReLU'` → `'p_re_lu'`.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** `'he_uniform'` → `'heUniform'`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A config with snake_case keys turned into an options object with camelCase keys (shallow). */
export function toOptions(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) out[camelCase(k)] = v;
  return out;
}

// 'he_uniform', 'HeUniform' and 'heUniform' all meet at 'heuniform'.
const key = (name: string) => name.replace(/_/g, '').toLowerCase();

function isKerasObject(x: unknown): x is KerasObject {
  return typeof x === 'object' && x !== null && typeof (x as KerasObject).class_name === 'string';
}

/**
 * One Keras family's registry (initializers, regularizers, constraints, ...): identifier lookup
 * by snake_case, class or camelCase name, and Keras 3 serialization. Built-ins are listed
 * explicitly by each family package; nothing registers on import.
 */
export class Family<T extends Configurable> {
  private readonly byKey = new Map<string, ConfigurableClass<T>>();
  private readonly byRegistered = new Map<string, ConfigurableClass<T>>();
  private readonly registered = new Map<ConfigurableClass<T>, string>();
  private readonly canonical: string[] = [];

  /**
   * @param kind singular noun used in messages, e.g. `'initializer'`
   * @param module Keras's module for serialized objects, e.g. `'keras.initializers'`
   */
  constructor(
    readonly kind: string,
    readonly module: string,
  ) {}

  /** Adds a built-in class under its class name, its snake_case name and any `aliases`. */
  add(cls: ConfigurableClass<T>, aliases: readonly string[] = []): this {
    for (const name of [cls.className, ...aliases]) this.byKey.set(key(name), cls);
    this.canonical.push(snakeCase(cls.className), ...aliases.filter((a) => a === a.toLowerCase()));
    return this;
  }

  /** Adds a plugin class, serialized with `registered_name` `'<pkg>>ClassName'` as Keras 3 does. */
  register(cls: ConfigurableClass<T>, pkg = 'Custom'): string {
    const name = `${pkg}>${cls.className}`;
    this.byRegistered.set(name, cls);
    this.registered.set(cls, name);
    return name;
  }

  /** The snake_case names accepted, for error messages and docs. */
  names(): string[] {
    return [...new Set(this.canonical)].sort();
  }

  /** The class for a name in any accepted spelling; throws a `ValueError` listing valid names. */
  lookup(name: string, customObjects: Record<string, unknown> = {}): ConfigurableClass<T> {
    const custom = customObjects[name] as ConfigurableClass<T> | undefined;
    if (custom) return custom;
    const cls = this.byRegistered.get(name) ?? this.byKey.get(key(name));
    if (!cls) {
      throw new ValueError(
        `Unknown ${this.kind}: received ${show(name)}. Valid names: ${this.names().join(', ')}. ` +
          `For a custom ${this.kind}, register it or pass it in customObjects.`,
      );
    }
    return cls;
  }

  /**
   * Resolves an identifier: a name (`'he_uniform'`, `'HeUniform'`, `'heUniform'`), an instance
   * (returned as is), or a Keras config object. `null`/`undefined` give `null`.
   */
  get(identifier: unknown, customObjects?: Record<string, unknown>): T | null {
    if (identifier === null || identifier === undefined) return null;
    if (typeof identifier === 'string') return this.deserialize(identifier, customObjects);
    if (isKerasObject(identifier)) return this.deserialize(identifier, customObjects);
    if (typeof identifier === 'object' && typeof (identifier as Configurable).getConfig === 'function') {
      return identifier as T;
    }
    throw new ValueError(
      `Could not interpret ${this.kind} identifier: received ${show(identifier)}. ` +
        `Pass a name such as '${this.names()[0] ?? ''}', an instance, or a Keras config object.`,
    );
  }

  /** Keras 3's serialized form of an instance. */
  serialize(obj: T): KerasObject {
    const cls = obj.constructor as ConfigurableClass<T>;
    return {
      module: this.module,
      class_name: cls.className,
      config: obj.getConfig(),
      registered_name: this.registered.get(cls) ?? null,
    };
  }

  /** Builds an instance from a name or a Keras 3 (or older `{class_name, config}`) object. */
  deserialize(obj: KerasObject | string, customObjects?: Record<string, unknown>): T {
    if (typeof obj === 'string') return this.lookup(obj, customObjects).fromConfig({});
    if (!isKerasObject(obj)) {
      throw new ValueError(`${this.kind} deserialize: expected { class_name, config }, received ${show(obj)}`);
    }
    const name = obj.registered_name && obj.registered_name.includes('>') ? obj.registered_name : obj.class_name;
    const cls =
      (customObjects && (customObjects[obj.class_name] as ConfigurableClass<T> | undefined)) ??
      this.lookup(name, customObjects);
    return cls.fromConfig(obj.config ?? {});
  }
}
