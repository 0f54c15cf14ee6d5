// Every user-facing string exists in Chinese and English; callers pick one.

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export type Localized = Record<Lang, string>;

export type MessageArgs = Record<string, string | number>;

/** Fills `{name}` placeholders. */
export function fill(template: string, args: MessageArgs = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function localize(message: Localized, lang: Lang, args?: MessageArgs): string {
  return fill(message[lang], args);
}

/** Picks a supported language from a locale such as `zh-cn`, `zh-Hans-CN`, `en-US`. */
export function resolveLang(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh-CN' : locale ? 'en' : 'zh-CN';
}
