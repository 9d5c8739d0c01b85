import { describe, expect, it } from 'vitest';
import { checkDeactivate, checkNewParent, pathUnder } from './unit.rules.js';

describe('unit tree rules', () => {
  it('builds paths from the root down', () => {
    expect(pathUnder(null, 1)).toBe('/1/');
    expect(pathUnder({ path: '/1/5/' }, 23)).toBe('/1/5/23/');
  });

  it('refuses a parent that is the unit itself or below it', () => {
    const town = { id: 5, path: '/1/5/' };
    expect(() => checkNewParent(town, { id: 5, path: '/1/5/', active: true })).toThrowError(expect.objectContaining({ code: 'UNIT_PARENT_INVALID' }));
    expect(() => checkNewParent(town, { id: 9, path: '/1/5/9/', active: true })).toThrowError(expect.objectContaining({ code: 'UNIT_PARENT_INVALID' }));
  });

  it('accepts a sibling branch, and refuses an inactive parent', () => {
    const town = { id: 5, path: '/1/5/' };
    expect(() => checkNewParent(town, { id: 6, path: '/1/6/', active: true })).not.toThrow();
    // '/1/50/' shares the characters '/1/5' but is not below '/1/5/'.
    expect(() => checkNewParent(town, { id: 50, path: '/1/50/', active: true })).not.toThrow();
    expect(() => checkNewParent(null, { id: 6, path: '/1/6/', active: false })).toThrowError(expect.objectContaining({ code: 'UNIT_PARENT_INVALID' }));
  });

  it('refuses to deactivate a unit with active children', () => {
    expect(() => checkDeactivate(2)).toThrowError(expect.objectContaining({ code: 'UNIT_HAS_ACTIVE_CHILDREN' }));
    expect(() => checkDeactivate(0)).not.toThrow();
  });
});
