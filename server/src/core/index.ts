// Public surface of the analysis core.

export * from './service';
export { looksLikeReport } from './detect';
export { CHECKS, checkById } from './checks/index';
export type { Check, CheckMeta, Edit, Finding, Fix, Related, Severity, SeveritySetting } from './checks/types';
export { SEVERITIES } from './checks/types';
export { INTERNAL_ERROR } from './engine';
export { LANGS, resolveLang, type Lang, type Localized } from './i18n';
export { LineIndex, type Span } from './text';
export type { Report, SectionNode } from './parse/model';
export { dumpTables } from './parse/tables/dump';
export { identify, bodyMatch, bodyKey, tailOf, type Identity } from './years/identity';
export { pairByName } from './years/pairing';
export type { PreviousReport } from './checks/types';
