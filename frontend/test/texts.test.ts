import { describe, expect, it } from 'vitest';
import ar from '../../src/main/resources/messages/page_ar.properties?raw';
import en from '../../src/main/resources/messages/page_en.properties?raw';
import fr from '../../src/main/resources/messages/page_fr.properties?raw';
import { direction, format } from '../src/texts';

/** The page's texts as the server sends them (messages/page_{lang}.properties: key=value lines, UTF-8). */
function pageTexts(lang: 'ar' | 'fr' | 'en'): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const line of { ar, fr, en }[lang].split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('#')) texts[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return texts;
}

describe('texts', () => {
  it('fills placeholders and shows a missing one as it is', () => {
    expect(format({ a: '{clicks} clicks, {mb} MB' }, 'a', { clicks: 12 })).toBe('12 clicks, {mb} MB');
    expect(format({}, 'nothing')).toBe('nothing');
  });

  it('writes Arabic right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });

  it('has words for every public reason the page shows, and none of the rules behind them', () => {
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const reasons = Object.keys(pageTexts(lang)).filter((key) => key.startsWith('reason.')).sort();
      expect(reasons, lang).toEqual(['reason.LATE', 'reason.LIMIT', 'reason.NOT_COUNTED', 'reason.OTHER', 'reason.PURSE',
        'reason.TOO_FAST']);
      expect(pageTexts(lang).resultRejectedPlain, lang).toContain('{clicks}');
    }
  });
});
