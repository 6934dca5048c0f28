/**
 * The risk models end to end on real runtimes: train with tfjs (wasm), export to ONNX, run the
 * export with onnxruntime-node and require the same numbers as tfjs gives.
 */
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import type { SequenceBatch } from '../../main/training/features';
import { auc } from '../../main/training/metrics';
import {
  predictWithTf,
  toOnnx,
  trainModel,
  TrainingCancelled,
  type ModelKind,
  type TrainedModel,
} from '../../main/training/model';

const WEEKS = 12;
const FEATURES = 9;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Students whose risk rises with a low level of feature 0, a high feature 1 in the last week
 * and a drop in feature 2 over the last three weeks (feature 3 carries that drop as a 4-week
 * trend, as the real rows do). A quarter start late: left padding, mask 0, features 0.
 */
function synthetic(n: number, seed: number): { batch: SequenceBatch; labels: Float32Array } {
  const random = seeded(seed);
  const x = new Float32Array(n * WEEKS * FEATURES);
  const mask = new Float32Array(n * WEEKS);
  const labels = new Float32Array(n);
  for (let s = 0; s < n; s++) {
    const pad = random() < 0.25 ? 1 + Math.floor(random() * (WEEKS - 2)) : 0;
    const level = 2 * random() - 1;
    const drop = random() < 0.3 ? 1 + random() : 0;
    for (let t = pad; t < WEEKS; t++) {
      mask[s * WEEKS + t] = 1;
      const row = (s * WEEKS + t) * FEATURES;
      for (let f = 0; f < FEATURES; f++) x[row + f] = random() - 0.5;
      const dropped = t >= WEEKS - 3 ? drop : 0;
      x[row] = level + 0.2 * (random() - 0.5);
      x[row + 2] = -dropped + 0.2 * (random() - 0.5);
      x[row + 3] = t >= WEEKS - 4 ? -drop * 0.75 : 0;
    }
    const last = (s * WEEKS + WEEKS - 1) * FEATURES;
    const z = -1 - 2 * level + 1.5 * x[last + 1]! + 2 * drop;
    labels[s] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { batch: { x, mask, n, weeks: WEEKS, features: FEATURES }, labels };
}

async function runOnnx(bytes: Uint8Array, batch: SequenceBatch) {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({
      features: new ort.Tensor('float32', batch.x, [batch.n, batch.weeks, batch.features]),
      mask: new ort.Tensor('float32', batch.mask, [batch.n, batch.weeks]),
    });
    return {
      risk: out.risk!.data as Float32Array,
      attention: (out.attention?.data ?? null) as Float32Array | null,
      dims: { risk: out.risk!.dims, attention: out.attention?.dims ?? null },
    };
  } finally {
    await session.release();
  }
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function slice(batch: SequenceBatch, from: number, to: number): SequenceBatch {
  const { weeks, features } = batch;
  return {
    x: batch.x.slice(from * weeks * features, to * weeks * features),
    mask: batch.mask.slice(from * weeks, to * weeks),
    n: to - from,
    weeks,
    features,
  };
}

const { batch, labels } = synthetic(1500, 42);

describe.each<{ kind: ModelKind; epochs: number }>([
  { kind: 'logistic', epochs: 20 },
  { kind: 'gru', epochs: 8 },
])('$kind model', ({ kind, epochs }) => {
  let model: TrainedModel;
  const progress: [number, string][] = [];

  it('learns the synthetic signal', async () => {
    model = await trainModel(kind, batch, labels, {
      seed: 7,
      epochs,
      onProgress: (fraction, message) => progress.push([fraction, message]),
    });
    expect(model).toMatchObject({ kind, weeks: WEEKS, features: FEATURES });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(progress).toHaveLength(epochs);
    expect(progress.at(-1)![0]).toBe(1);
    expect(progress[0]![1]).toMatch(new RegExp(`^Epoch 1 of ${epochs}, loss \\d+\\.\\d+$`));

    const { risk } = await predictWithTf(model, batch);
    expect(risk.every((p) => p > 0 && p < 1)).toBe(true);
    expect(auc(risk, labels)).toBeGreaterThan(0.75);
  });

  it('exports ONNX that onnxruntime runs to the same outputs as tfjs', async () => {
    const bytes = toOnnx(model, { name: `test-${kind}`, description: 'synthetic test model' });
    const reference = await predictWithTf(model, batch);
    const onnx = await runOnnx(bytes, batch);
    expect(onnx.dims.risk).toEqual([batch.n]);
    expect(maxAbsDiff(onnx.risk, reference.risk)).toBeLessThanOrEqual(1e-5);

    if (kind === 'logistic') {
      expect(reference.attention).toBeNull();
      expect(onnx.attention).toBeNull();
    } else {
      expect(onnx.dims.attention).toEqual([batch.n, WEEKS]);
      expect(maxAbsDiff(onnx.attention!, reference.attention!)).toBeLessThanOrEqual(1e-5);
      for (const attention of [reference.attention!, onnx.attention!]) {
        for (let s = 0; s < batch.n; s++) {
          let sum = 0;
          for (let t = 0; t < WEEKS; t++) {
            const a = attention[s * WEEKS + t]!;
            sum += a;
            if (batch.mask[s * WEEKS + t] === 0) expect(a).toBeLessThan(1e-6);
          }
          expect(sum).toBeCloseTo(1, 5);
        }
      }
    }

    // The batch axis is dynamic: a single student scores the same alone as in the crowd.
    const one = await runOnnx(bytes, slice(batch, 3, 4));
    expect(Math.abs(one.risk[0]! - reference.risk[3]!)).toBeLessThanOrEqual(1e-5);
  });

  it('writes a ModelProto with the agreed interface', () => {
    const bytes = toOnnx(model, { name: 'interface', description: 'checks the header' });
    const { onnx } = onnxProto;
    const proto = onnx.ModelProto.decode(bytes);
    expect(proto.producerName).toBe('sightline');
    expect(Number(proto.irVersion)).toBe(8);
    expect(proto.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    // Decoded messages are full instances; the generated types only promise the interfaces.
    const graph = proto.graph as InstanceType<typeof onnx.GraphProto>;
    expect(graph.input.map((i) => i.name)).toEqual(['features', 'mask']);
    expect(graph.output.map((o) => o.name)).toEqual(
      kind === 'gru' ? ['risk', 'attention'] : ['risk'],
    );
    const nodes = graph.node as InstanceType<typeof onnx.NodeProto>[];
    const ops = nodes.map((n) => n.opType);
    if (kind === 'gru') {
      expect(ops).toEqual(expect.arrayContaining(['Transpose', 'GRU', 'Softmax', 'ReduceSum']));
      const gru = nodes.find((n) => n.opType === 'GRU')!;
      const attr = Object.fromEntries(gru.attribute.map((a) => [a.name, a]));
      expect(Number(attr.linear_before_reset!.i)).toBe(0);
      expect(Number(attr.hidden_size!.i)).toBe(16);
    } else {
      expect(ops).toEqual(['Gather', 'MatMul', 'Add', 'Sigmoid', 'Squeeze']);
    }
  });
});

describe('training', () => {
  const small = slice(batch, 0, 300);
  const smallLabels = labels.slice(0, 300);

  it.each<ModelKind>(['logistic', 'gru'])(
    '%s: the same seed gives the same weights',
    async (kind) => {
      const options = { epochs: 2, hidden: 4 };
      const a = await trainModel(kind, small, smallLabels, { ...options, seed: 1 });
      const b = await trainModel(kind, small, smallLabels, { ...options, seed: 1 });
      const c = await trainModel(kind, small, smallLabels, { ...options, seed: 2 });
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    },
  );

  it.each<ModelKind>(['logistic', 'gru'])('%s: stops with TrainingCancelled', async (kind) => {
    let checks = 0;
    const run = trainModel(kind, small, smallLabels, {
      seed: 1,
      epochs: 5,
      isCancelled: () => ++checks > 3,
    });
    await expect(run).rejects.toBeInstanceOf(TrainingCancelled);
    expect(checks).toBe(4);
  });

  it('sample weights shift the fit towards the heavier class', async () => {
    const heavyPositives = Float32Array.from(smallLabels, (y) => (y === 1 ? 5 : 1));
    const options = { seed: 1, epochs: 10 };
    const plain = await trainModel('logistic', small, smallLabels, options);
    const weighted = await trainModel('logistic', small, smallLabels, {
      ...options,
      sampleWeights: heavyPositives,
    });
    const mean = async (m: TrainedModel) =>
      (await predictWithTf(m, small)).risk.reduce((a, b) => a + b, 0) / small.n;
    expect(await mean(weighted)).toBeGreaterThan((await mean(plain)) + 0.1);
  });

  it.each<ModelKind>(['logistic', 'gru'])('%s: leaves no tensors behind', async (kind) => {
    const options = { seed: 1, epochs: 1, hidden: 4 };
    const model = await trainModel(kind, small, smallLabels, options);
    const before = tf.memory().numTensors;
    await trainModel(kind, small, smallLabels, options);
    await predictWithTf(model, small);
    await expect(
      trainModel(kind, small, smallLabels, { ...options, isCancelled: () => true }),
    ).rejects.toBeInstanceOf(TrainingCancelled);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects inputs that do not match their dimensions', async () => {
    await expect(
      trainModel('logistic', small, new Float32Array(small.n - 1), { seed: 1 }),
    ).rejects.toThrow(/labels/);
  });
});
