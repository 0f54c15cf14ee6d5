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

/**
 * Picks a supported language from a locale such as `zh-cn`, `zh-Hans-CN`,
 * `en-US`. No locale, or the C/POSIX locale that says nothing about the
 * reader, gives Chinese: the readers of these reports read Chinese.
 */
export function resolveLang(locale: string | undefined): Lang {
  if (!locale || /^(C|POSIX)([._@]|$)/.test(locale)) return 'zh-CN';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
