/** Page geometry, colours and text styles of the report. Units are PDF points (1/72 inch). */

/** A4 portrait: 210 x 297 mm. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Nothing is written closer to the paper's edge than this (about 1 cm: what office printers leave unprinted). */
export const SAFE_MARGIN = 28;

/** Where the content flows. Header and footer sit between this and SAFE_MARGIN. */
export const BODY = { left: 56, right: PAGE.width - 56, top: 80, bottom: PAGE.height - 66 } as const;
export const BODY_WIDTH = BODY.right - BODY.left;

/** Running header and footer bands (top of the text line, and the rule between band and body). */
export const HEADER = { textTop: 40, rule: 58 } as const;
export const FOOTER = { rule: PAGE.height - 54, textTop: PAGE.height - 46 } as const;

export const COLOR = {
  text: '#1f2933',
  muted: '#5f6b7a',
  accent: '#1b5e7f',
  accentLight: '#dbe8ef',
  self: '#a15c00',
  /** Peer reviews in the trend chart (issue 13). */
  peer: '#2f6b2f',
  rule: '#b8c2cc',
  headerFill: '#e4ecf1',
  sectionFill: '#f2f5f7',
  noticeFill: '#fff4dc',
  noticeRule: '#d9a441',
  grid: '#d5dbe1',
  white: '#ffffff',
} as const;

export type FontName = 'regular' | 'bold' | 'mono';

/**
 * A text style. `lineHeight` is the distance between lines; it is always larger than the font's glyph box
 * (ascent + descent = 1.164 x size for DejaVu Sans), so lines never overlap.
 */
export interface TextStyle {
  font: FontName;
  size: number;
  lineHeight: number;
  color: string;
}

const style = (font: FontName, size: number, lineHeight: number, color: string = COLOR.text): TextStyle => ({ font, size, lineHeight, color });

export const STYLE = {
  body: style('regular', 9.5, 13.5),
  bodyMuted: style('regular', 9.5, 13.5, COLOR.muted),
  bodyBold: style('bold', 9.5, 13.5),
  small: style('regular', 8, 10.8, COLOR.muted),
  smallText: style('regular', 8, 10.8),
  smallBold: style('bold', 8, 10.8, COLOR.muted),
  table: style('regular', 8.5, 11.4),
  tableMuted: style('regular', 8.5, 11.4, COLOR.muted),
  tableBold: style('bold', 8.5, 11.4),
  tableHeader: style('bold', 8, 10.8),
  mono: style('mono', 8, 10.8),
  coverTitle: style('bold', 13, 17, COLOR.accent),
  coverSite: style('bold', 22, 28),
  coverSubtitle: style('regular', 12, 16, COLOR.muted),
  h1: style('bold', 16, 21, COLOR.accent),
  h2: style('bold', 11.5, 16),
  h3: style('bold', 9.5, 13.5),
  figureValue: style('bold', 20, 25, COLOR.accent),
  chartLabel: style('regular', 7.5, 9.5, COLOR.muted),
  chartValue: style('bold', 7.5, 9.5),
  frame: style('regular', 7.5, 9.5, COLOR.muted),
} as const satisfies Record<string, TextStyle>;

export const withColor = (s: TextStyle, color: string): TextStyle => ({ ...s, color });
export const withSize = (s: TextStyle, size: number): TextStyle => ({ ...s, size, lineHeight: Math.max(s.lineHeight * (size / s.size), size * 1.25) });
