// The six sections that both national formats require, as data.
// Keys and patterns apply to `labelKey` text (punctuation and spaces removed).

export type SectionKey = 'general' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  /** 1-based position; also the numeral of its heading (一 … 六). */
  number: number;
  /** The official wording, without its numeral. */
  official: string;
  /** Wordings seen in real reports that reviewers accept. */
  variants: RegExp[];
  /** The section must hold a statistical table. */
  holdsTable: boolean;
  /** Usual subsection titles by numeral, used to recognise an unnumbered subsection. */
  subsections?: Record<number, RegExp>;
  /**
   * Words of the section's usual first sentence (on `labelKey` text): where
   * its content begins when the heading is lost.
   */
  opening?: RegExp;
}

export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'general',
    number: 1,
    official: '总体情况',
    // 概述: the wording of the national template before 2019, still used by some offices.
    variants: [/^(政府信息公开)?(工作)?总体情况$/, /^(政府信息公开)?(工作)?概述$/],
    holdsTable: false,
    subsections: {
      1: /主动公开/,
      2: /依申请公开/,
      3: /政府信息管理/,
      4: /(公开)?平台建设/,
      5: /监督保障/,
    },
  },
  {
    key: 'proactive',
    number: 2,
    official: '主动公开政府信息情况',
    variants: [/^(行政机关)?主动公开政府信息(的)?(情况)?$/],
    holdsTable: true,
  },
  {
    key: 'requests',
    number: 3,
    official: '收到和处理政府信息公开申请情况',
    variants: [/^(行政机关)?收到(和|及|与|并)处理政府信息公开申请(的)?情况$/],
    holdsTable: true,
  },
  {
    key: 'review',
    number: 4,
    official: '政府信息公开行政复议、行政诉讼情况',
    variants: [/^(因)?政府信息公开(工作)?(被申请)?行政复议(和|及|与)?(提起)?行政诉讼(的)?情况$/],
    holdsTable: true,
  },
  {
    key: 'problems',
    number: 5,
    official: '存在的主要问题及改进情况',
    variants: [
      /^(政府信息公开(工作)?)?存在(的)?(主要)?(问题|不足)(及|和|与|以及)(改进|整改)(情况|措施|计划)$/,
      /^(政府信息公开(工作)?)?存在(的)?(主要)?(问题|不足)(及|和|与|以及)(下步|下一步|今后|明年|下一年度?|来年)(的)?(工作)?(打算|计划|措施|思路|安排)$/,
    ],
    holdsTable: false,
    subsections: { 1: /(存在|主要)?问题|不足/, 2: /改进|整改|打算|措施/ },
    opening: /存在.{0,12}(问题|不足)|(问题|不足)(及|和|与)?(改进|整改)/,
  },
  {
    key: 'other',
    number: 6,
    official: '其他需要报告的事项',
    // 需要说明的其他事项（与附表）: the wording of the national template before 2019.
    variants: [/^其[他它]需要报告(的)?事项$/, /^需要说明的其[他它]事项(与附表)?$/, /^其[他它](需要?|应)说明(的)?事项$/],
    holdsTable: false,
    opening: /信息处理费|收费|收取.{0,12}费|其[他它]需要报告/,
  },
];

export function sectionByKey(key: SectionKey): SectionDef {
  return SECTIONS.find((s) => s.key === key)!;
}
