import { describe, expect, it } from 'vitest';
import { direction, format } from '../src/texts';

describe('texts', () => {
  it('fills placeholders and shows a missing one as it is', () => {
    expect(format({ a: '{clicks} clicks, {mb} MB' }, 'a', { clicks: 12 })).toBe('12 clicks, {mb} MB');
    expect(format({}, 'nothing')).toBe('nothing');
  });

  it('writes Arabic right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });
});
