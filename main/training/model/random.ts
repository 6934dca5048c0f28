/** Seeded randomness, so that the same data and seed always train the same model. */

/** mulberry32: tiny, fast and good enough for initial weights and shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): number {
  // Box–Muller; 1 − u keeps log away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Glorot/Xavier uniform, row-major [rows, cols]: keeps activations' variance steady. */
export function glorotUniform(random: () => number, rows: number, cols: number): number[] {
  const limit = Math.sqrt(6 / (rows + cols));
  return Array.from({ length: rows * cols }, () => (2 * random() - 1) * limit);
}

/**
 * [n, blocks × n] made of `blocks` random orthogonal n×n blocks. Orthogonal recurrent weights
 * neither blow up nor shrink the state from week to week, which is why Keras uses them too.
 */
export function orthogonalBlocks(random: () => number, n: number, blocks: number): number[] {
  const cols = blocks * n;
  const out = new Array<number>(n * cols).fill(0);
  for (let b = 0; b < blocks; b++) {
    const basis: number[][] = [];
    while (basis.length < n) {
      const v = Array.from({ length: n }, () => gaussian(random));
      // Gram–Schmidt, done twice for accuracy.
      for (let pass = 0; pass < 2; pass++) {
        for (const q of basis) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += v[i]! * q[i]!;
          for (let i = 0; i < n; i++) v[i]! -= dot * q[i]!;
        }
      }
      const norm = Math.hypot(...v);
      if (norm < 1e-6) continue;
      basis.push(v.map((x) => x / norm));
    }
    basis.forEach((q, j) => q.forEach((x, i) => (out[i * cols + b * n + j] = x)));
  }
  return out;
}

/** Fisher–Yates over 0..n−1. */
export function shuffledIndices(random: () => number, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
