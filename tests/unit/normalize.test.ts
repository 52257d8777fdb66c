import { describe, expect, it } from 'vitest';
import { normalize, normalizeForm } from '@/lib/text/normalize';

describe('normalize', () => {
  it('folds case and accents but keeps the exact case alongside', () => {
    const n = normalize('México CELAC');
    expect(n.folded).toBe('mexico celac');
    expect(n.exact).toBe('Mexico CELAC');
  });

  it('unifies dashes and drops the spaces around them', () => {
    for (const s of ['China - CELAC', 'China – CELAC', 'China—CELAC', 'China‐CELAC', 'China－CELAC']) {
      expect(normalize(s).folded).toBe('china-celac');
    }
    expect(normalize('中国—拉共体论坛').folded).toBe(normalize('中国-拉共体论坛').folded);
  });

  it('unifies quotes and apostrophes, collapses white space and line breaks', () => {
    expect(normalize('ECLAC’s  “plan”\n\tnow').folded).toBe(`eclac's "plan" now`);
  });

  it('applies NFKC (full-width letters, ideographic space) and drops invisible characters', () => {
    expect(normalize('ＣＥＬＡＣ\u3000Forum').exact).toBe('CELAC Forum');
    expect(normalize('Fo\u00adrum\u200b').folded).toBe('forum');
  });

  it('maps every normalised unit back to the original offsets', () => {
    const text = 'Foro  China – CELAC, Méxi\u0301co';
    const n = normalize(text);
    const i = n.folded.indexOf('celac');
    expect(text.slice(n.starts[i], n.ends[i + 4])).toBe('CELAC');
    const j = n.folded.indexOf('mexico');
    expect(text.slice(n.starts[j], n.ends[j + 5])).toBe('Méxi\u0301co');
    const k = n.folded.indexOf('china-celac');
    expect(text.slice(n.starts[k], n.ends[k + 10])).toBe('China – CELAC');
  });

  it('normalises glossary forms without trailing space', () => {
    expect(normalizeForm('  Global South  ')).toEqual({ folded: 'global south', exact: 'Global South' });
  });
});
