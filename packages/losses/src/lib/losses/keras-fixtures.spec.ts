import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KerasObject, Tensor, sum, tensor, valueAndGrad } from "@strata/tensor";
import { expectClose } from "@strata/tensor/testing";
import { LOSS_FUNCTIONS } from "./loss-functions";
import { deserialize, serialize } from "./registry";

// Written by tools/fixtures/losses.py from Keras itself (jax backend, float32).
type Num = number | "nan" | "inf" | "-inf";
type Value = Num | { shape: number[]; values: Num[] };
interface Fixture {
  keras_version: string;
  inputs: Record<string, { shape: number[]; values: number[] }>;
  cases: {
    serialized: KerasObject;
    kwargs: Record<string, unknown>;
    y_true: string;
    y_pred: string;
    sample_weight: string | null;
    value: Value;
    grad: Num[];
  }[];
  functions: {
    fn: string;
    kwargs: Record<string, unknown>;
    y_true: string;
    y_pred: string;
    value: Value;
  }[];
}
const fixture = JSON.parse(
  readFileSync(join(__dirname, "../__fixtures__/losses.json"), "utf8")
) as Fixture;

const input = (name: string): Tensor =>
  tensor(fixture.inputs[name].values, fixture.inputs[name].shape);
const num = (v: Num): number =>
  v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;
const expected = (v: Value): Tensor =>
  typeof v === "object" ? tensor(v.values.map(num), v.shape) : tensor(num(v));
const camel = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      v,
    ])
  );

const label = (c: Fixture["cases"][number]) =>
  `${c.serialized.class_name} ${JSON.stringify(c.serialized.config)} on ${
    c.y_true
  }/${c.y_pred}` + (c.sample_weight ? ` weighted by ${c.sample_weight}` : "");

describe("losses against Keras fixtures", () => {
  it("were written by Keras 3.15.1", () => {
    expect(fixture.keras_version).toBe("3.15.1");
    expect(fixture.cases.length).toBeGreaterThan(100);
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))(
    "%s: value and gradient match Keras",
    (_, c) => {
      // Keras does not write every constructor argument (Huber's delta): add them back.
      const loss = deserialize({
        ...c.serialized,
        config: { ...c.serialized.config, ...c.kwargs },
      });
      const yTrue = input(c.y_true);
      const weight = c.sample_weight === null ? null : input(c.sample_weight);
      // Keras's gradient is jax.grad of the sum, which covers the per-sample 'none' results too.
      const { value, grad } = valueAndGrad((p) =>
        sum(loss.apply(yTrue, p, weight))
      )(input(c.y_pred));
      const direct = loss.apply(yTrue, input(c.y_pred), weight);
      expectClose(direct, expected(c.value), 2e-5, 1e-6, "value");
      expect(value.rank).toBe(0);
      expectClose(grad, c.grad.map(num), 2e-4, 1e-5, "gradient");
    }
  );

  it.each(fixture.cases.map((c) => [label(c), c] as const))(
    "%s: Keras config reserializes unchanged",
    (_, c) => {
      expect(serialize(deserialize(c.serialized))).toEqual(c.serialized);
    }
  );

  it.each(
    fixture.functions.map(
      (f) => [`${f.fn} ${JSON.stringify(f.kwargs)}`, f] as const
    )
  )("%s: per-sample values match Keras", (_, f) => {
    const out = LOSS_FUNCTIONS[f.fn](
      input(f.y_true),
      input(f.y_pred),
      camel(f.kwargs)
    );
    expectClose(out, expected(f.value), 2e-5, 1e-6, f.fn);
  });
});
