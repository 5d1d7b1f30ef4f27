// The page's texts come from the server (messages/page_*.properties), the same files its templates use.
export type Lang = 'ar' | 'fr' | 'en';
export type Texts = Record<string, string>;

/** Fills {name} placeholders; a missing text shows its key, so a gap is visible rather than blank. */
export function format(texts: Texts, key: string, params: Record<string, string | number> = {}): string {
  const template = texts[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Numbers as people of this language write them in Morocco (Arabic digits for ar follow the browser's locale data). */
export function numberFormat(lang: Lang, fractionDigits = 0): Intl.NumberFormat {
  return new Intl.NumberFormat(`${lang}-MA`, { maximumFractionDigits: fractionDigits });
}

export function direction(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** A text made safe to put into HTML. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
