/**
 * A small builder over onnx-proto's generated classes, so the model graphs read as a list of
 * operations. Everything here is float32 tensors plus int64 constants for shape arguments.
 */
import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS exporting `{ onnx }`; Node's ESM loader only offers it as default.
const { onnx } = onnxProto;

/** ONNX 1.12: IR version 8 goes with opsets up to 17. */
export const IR_VERSION = 8;
export const OPSET = 17;

type Dim = number | string;
type AttributeValue = number | number[] | string;

function valueInfo(name: string, dims: readonly Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'string')
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.INT, i: value };
}

export class GraphBuilder {
  readonly #nodes: onnxProto.onnx.INodeProto[] = [];
  readonly #initializers: onnxProto.onnx.ITensorProto[] = [];
  readonly #inputs: onnxProto.onnx.IValueInfoProto[] = [];
  readonly #outputs: onnxProto.onnx.IValueInfoProto[] = [];
  #count = 0;

  input(name: string, dims: readonly Dim[]): string {
    this.#inputs.push(valueInfo(name, dims));
    return name;
  }

  output(name: string, dims: readonly Dim[]): void {
    this.#outputs.push(valueInfo(name, dims));
  }

  /** A float32 weight; values are stored as float32 exactly as tfjs held them. */
  floats(name: string, dims: readonly number[], values: ArrayLike<number>): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (values.length !== size) throw new Error(`"${name}" needs ${size} values.`);
    this.#initializers.push({
      name,
      dims: [...dims],
      dataType: onnx.TensorProto.DataType.FLOAT,
      floatData: Array.from(values),
    });
    return name;
  }

  /** An int64 constant (axes, indices); `dims` [] makes a scalar. */
  ints(name: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    this.#initializers.push({
      name,
      dims: [...dims],
      dataType: onnx.TensorProto.DataType.INT64,
      int64Data: [...values],
    });
    return name;
  }

  /** Adds a node with one output and returns that output's name (`out` or a fresh one). */
  node(
    op: string,
    inputs: string[],
    attributes: Record<string, AttributeValue> = {},
    out?: string,
  ) {
    return this.nodeMulti(
      op,
      inputs,
      [out ?? `${op.toLowerCase()}_${this.#count}`],
      attributes,
    )[0]!;
  }

  nodeMulti(
    op: string,
    inputs: string[],
    outputs: string[],
    attributes: Record<string, AttributeValue> = {},
  ): string[] {
    this.#nodes.push({
      name: `${op}_${this.#count++}`,
      opType: op,
      input: inputs,
      output: outputs,
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return outputs;
  }

  /** A serialized ModelProto. */
  encode(meta: { name: string; description: string; metadata?: Record<string, string> }) {
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      opsetImport: [{ domain: '', version: OPSET }],
      producerName: 'sightline',
      docString: meta.description,
      metadataProps: Object.entries(meta.metadata ?? {}).map(([key, value]) => ({ key, value })),
      graph: {
        name: meta.name,
        docString: meta.description,
        node: this.#nodes,
        initializer: this.#initializers,
        input: this.#inputs,
        output: this.#outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
