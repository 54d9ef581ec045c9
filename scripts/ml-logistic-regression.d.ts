/** Types for the parts of `ml-logistic-regression` that `fit-detection.ts` uses (it ships none). */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  /** One-vs-all logistic regression trained by gradient ascent. */
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(X: Matrix, Y: Matrix): void;
    predict(X: Matrix): number[];
    toJSON(): { classifiers: unknown[] };
  }
}
