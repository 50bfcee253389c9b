// What a Word document's paragraph styles say about headings: the outline level a style gives
// (custom heading styles such as "KK Overskrift 1" carry one), and whether it sets bold text or a
// font size. mammoth gives each paragraph its style but not these, so word/styles.xml is read
// here, following each style's basedOn chain.
import { createRequire } from "node:module";

const { DOMParser } = createRequire(import.meta.url)("linkedom") as typeof import("linkedom");

export interface StyleFacts {
  /** 1-based heading level from w:outlineLvl (0 → 1); absent for body text. */
  outlineLevel?: number;
  bold?: boolean;
  /** Font size in points. */
  fontSize?: number;
}

interface RawStyle {
  basedOn?: string;
  outlineLevel?: number;
  bold?: boolean;
  fontSize?: number;
}

export interface DocxStyles {
  /** Facts of a style, its own or inherited. */
  of(styleId: string | null | undefined): StyleFacts;
  /** The document's default font size in points (Word's own default when none is given). */
  defaultFontSize: number;
}

interface XmlElement {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

function first(el: XmlElement, tag: string): XmlElement | undefined {
  return el.getElementsByTagName(tag)[0];
}

function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.getAttribute("w:val");
  return v === null || !/^(?:0|false|off)$/i.test(v);
}

function halfPoints(el: XmlElement | undefined): number | undefined {
  const v = Number.parseInt(el?.getAttribute("w:val") ?? "", 10);
  return Number.isFinite(v) && v > 0 ? v / 2 : undefined;
}

/** Read styles.xml; a missing or unreadable part gives no facts (the reader then uses names only). */
export function readDocxStyles(xml: Uint8Array | undefined): DocxStyles {
  const styles = new Map<string, RawStyle>();
  let defaultFontSize = 11;
  if (xml?.length) {
    try {
      const doc = new DOMParser().parseFromString(
        new TextDecoder().decode(xml),
        "text/xml",
      ) as unknown as XmlElement;
      const defaults = first(doc, "w:rPrDefault");
      defaultFontSize = halfPoints(defaults && first(defaults, "w:sz")) ?? defaultFontSize;
      const list = doc.getElementsByTagName("w:style");
      for (let i = 0; i < list.length; i++) {
        const el = list[i]!;
        const id = el.getAttribute("w:styleId");
        if (!id) continue;
        const rPr = first(el, "w:rPr");
        const outline = Number.parseInt(first(el, "w:outlineLvl")?.getAttribute("w:val") ?? "", 10);
        const style: RawStyle = {};
        const basedOn = first(el, "w:basedOn")?.getAttribute("w:val");
        if (basedOn) style.basedOn = basedOn;
        // Levels 0–8 are headings; 9 is body text.
        if (Number.isFinite(outline) && outline >= 0 && outline <= 8) style.outlineLevel = outline + 1;
        const bold = onOff(rPr && first(rPr, "w:b"));
        if (bold !== undefined) style.bold = bold;
        const size = halfPoints(rPr && first(rPr, "w:sz"));
        if (size !== undefined) style.fontSize = size;
        styles.set(id, style);
      }
    } catch {
      styles.clear();
    }
  }

  const resolved = new Map<string, StyleFacts>();
  const of = (styleId: string | null | undefined): StyleFacts => {
    if (!styleId) return {};
    const known = resolved.get(styleId);
    if (known) return known;
    const facts: StyleFacts = {};
    // Walk up the basedOn chain; the nearest style that says something wins (cycles stop).
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const s = styles.get(id);
      if (!s) break;
      if (facts.outlineLevel === undefined && s.outlineLevel !== undefined)
        facts.outlineLevel = s.outlineLevel;
      if (facts.bold === undefined && s.bold !== undefined) facts.bold = s.bold;
      if (facts.fontSize === undefined && s.fontSize !== undefined) facts.fontSize = s.fontSize;
    }
    resolved.set(styleId, facts);
    return facts;
  };
  return { of, defaultFontSize };
}
