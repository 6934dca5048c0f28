/**
 * ONNX graphs for the trained models. Both take the same inputs, `features` [N, T, F] and
 * `mask` [N, T], so the scorer feeds every model alike; both give `risk` [N], and the GRU also
 * `attention` [N, T].
 */
import { MASK_PENALTY } from './gru';
import { GraphBuilder } from './onnx-graph';
import type { GruModel, LogisticModel, TrainedModel } from './types';

/** Row-major [rows, cols] → [cols, rows]: ONNX GRU weights are [gates × H, in]. */
function transpose(values: readonly number[], rows: number, cols: number): number[] {
  const out = new Array<number>(values.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

function addInputs(g: GraphBuilder, model: TrainedModel) {
  return {
    features: g.input('features', ['N', model.weeks, model.features]),
    mask: g.input('mask', ['N', model.weeks]),
  };
}

function logisticGraph(g: GraphBuilder, model: LogisticModel): void {
  // `mask` is declared but unused: the logistic model reads only the scoring week.
  const { features } = addInputs(g, model);
  const last = g.node('Gather', [features, g.ints('last_week', [model.weeks - 1], [])], {
    axis: 1,
  });
  const logit = g.node('Add', [
    g.node('MatMul', [last, g.floats('weights', [model.features, 1], model.weights)]),
    g.floats('bias', [1], [model.bias]),
  ]);
  g.node('Squeeze', [g.node('Sigmoid', [logit]), g.ints('axis_1', [1])], {}, 'risk');
  g.output('risk', ['N']);
}

function gruGraph(g: GraphBuilder, model: GruModel): void {
  const { weeks, features: f, hidden: h, attentionUnits: a } = model;
  const { features, mask } = addInputs(g, model);
  const axis0 = g.ints('axis_0', [0]);
  const axis1 = g.ints('axis_1', [1]);
  const axis2 = g.ints('axis_2', [2]);

  const input = g.node('Concat', [features, g.node('Unsqueeze', [mask, axis2])], { axis: 2 });
  // onnxruntime's CPU GRU only takes time-major input ([T, N, in]).
  const timeMajor = g.node('Transpose', [input], { perm: [1, 0, 2] });
  const [ys, yLast] = g.nodeMulti(
    'GRU',
    [
      timeMajor,
      g.floats('gru_W', [1, 3 * h, f + 1], transpose(model.kernel, f + 1, 3 * h)),
      g.floats('gru_R', [1, 3 * h, h], transpose(model.recurrentKernel, h, 3 * h)),
      // [input biases, recurrent biases]; the model has only the former.
      g.floats('gru_B', [1, 6 * h], [...model.bias, ...new Array<number>(3 * h).fill(0)]),
    ],
    ['gru_Y', 'gru_Y_h'],
    { hidden_size: h, linear_before_reset: 0, direction: 'forward' },
  ) as [string, string];
  const sequence = g.node('Transpose', [g.node('Squeeze', [ys, axis1])], { perm: [1, 0, 2] });
  const last = g.node('Squeeze', [yLast, axis0]);

  const projected = g.node('Tanh', [
    g.node('Add', [
      g.node('MatMul', [sequence, g.floats('att_W', [h, a], model.attentionKernel)]),
      g.floats('att_b', [a], model.attentionBias),
    ]),
  ]);
  const scores = g.node('Squeeze', [
    g.node('MatMul', [projected, g.floats('att_v', [a, 1], model.attentionVector)]),
    axis2,
  ]);
  const padding = g.node('Mul', [
    g.node('Sub', [mask, g.floats('one', [], [1])]),
    g.floats('mask_penalty', [], [MASK_PENALTY]),
  ]);
  const attention = g.node(
    'Softmax',
    [g.node('Add', [scores, padding])],
    { axis: -1 },
    'attention',
  );
  const context = g.node(
    'ReduceSum',
    [g.node('Mul', [sequence, g.node('Unsqueeze', [attention, axis2])]), axis1],
    { keepdims: 0 },
  );
  const logit = g.node('Add', [
    g.node('MatMul', [
      g.node('Concat', [context, last], { axis: 1 }),
      g.floats('out_W', [2 * h, 1], model.outputKernel),
    ]),
    g.floats('out_b', [1], [model.outputBias]),
  ]);
  g.node('Squeeze', [g.node('Sigmoid', [logit]), axis1], {}, 'risk');
  g.output('risk', ['N']);
  g.output('attention', ['N', weeks]);
}

/** A serialized ONNX ModelProto computing the same `risk` (and attention) as `predictWithTf`. */
export function toOnnx(
  model: TrainedModel,
  meta: { name: string; description: string },
): Uint8Array {
  const g = new GraphBuilder();
  if (model.kind === 'logistic') logisticGraph(g, model);
  else gruGraph(g, model);
  return g.encode({
    ...meta,
    metadata: {
      kind: model.kind,
      weeks: String(model.weeks),
      features: String(model.features),
    },
  });
}
