import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, fitTemperature, logLoss, softmax } from './calibrate.js';

describe('calibration', () => {
  it('turns scores into probabilities that sum to 1, sharper at low temperature', () => {
    const p = softmax([2, 1, 0]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(softmax([2, 1, 0], 0.5)[0]).toBeGreaterThan(p[0]!);
    expect(softmax([1000, 0])[0]).toBe(1);
  });

  it('fits a high temperature to overconfident scores and a low one to timid scores', () => {
    // Given scores that always favour class 0 by 5, but class 0 is right only 70% of the time.
    const scores = Array.from({ length: 100 }, () => [5, 0]);
    const truth = Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
    const t = fitTemperature(scores, truth);
    // Then the calibrated confidence is about 0.7: 5 / T = ln(0.7 / 0.3).
    expect(t).toBeCloseTo(5 / Math.log(0.7 / 0.3), 2);
    expect(logLoss(scores, truth, t)).toBeLessThan(logLoss(scores, truth, 1));
    const timid = Array.from({ length: 100 }, () => [0.1, 0]);
    expect(fitTemperature(timid, Array.from({ length: 100 }, (_, i) => (i < 99 ? 0 : 1)))).toBeLessThan(0.05);
  });

  it('measures the gap between confidence and accuracy', () => {
    const right = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 }));
    expect(expectedCalibrationError(right)).toBeCloseTo(0.05, 10);
    expect(expectedCalibrationError([{ confidence: 0.9, correct: false }])).toBeCloseTo(0.9, 10);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
