/**
 * Lines of the source texts that are page furniture, not the article: site navigation,
 * language switchers, forum chrome, share and print links. Each rule says why it removes a
 * line, and rules that carry metadata (a breadcrumb's section, an editor) say what they keep.
 */

/** What a matching line contributes to the document's metadata. */
export interface BoilerplateHit {
  reason: string;
  section?: string;
  editor?: string;
}

interface Rule {
  pattern: RegExp;
  reason: string;
  /** Group of the match that names the site section. */
  section?: number;
  /** A fixed section label, when the breadcrumb's words are not for readers (Russian chrome). */
  sectionLabel?: string;
  editor?: number;
}

const RULES: readonly Rule[] = [
  { pattern: /^中文\s*\|\s*Español$/, reason: 'language switcher' },
  {
    pattern: /^(?:English\s*\|\s*)?(?:中文|Español)(?:\s*\|\s*(?:中文|Español|English))+$/,
    reason: 'language switcher',
  },
  { pattern: /^Home\s*>\s*(.+)$/, reason: 'site navigation (breadcrumb)', section: 1 },
  {
    pattern: /^Главная\s*→\s*Форум$/,
    reason: 'forum navigation (breadcrumb)',
    sectionLabel: 'Web forum post',
  },
  { pattern: /^Очистить все$/, reason: 'forum chrome ("clear all")' },
  { pattern: /^\d+\s+(?:посты?|поста|постов|сообщени[йея])$/, reason: 'forum chrome (post count)' },
  { pattern: /^\d+\s+users?$/, reason: 'forum chrome (user count)' },
  { pattern: /^Honorable Member$/, reason: 'forum chrome (member rank)' },
  { pattern: /^Присоединился:/, reason: 'forum chrome (member since)' },
  { pattern: /^Сообщения:\s*\d+$/, reason: 'forum chrome (message count)' },
  { pattern: /^Создатель темы$/, reason: 'forum chrome ("topic starter")' },
  { pattern: /^Присылайте Свои Пожелания$/, reason: 'forum chrome ("send us your wishes")' },
  { pattern: /^Suggest to a friend:?$/, reason: 'share link' },
  { pattern: /^Print$/, reason: 'print link' },
  { pattern: /^Editor:\s*(.+)$/, reason: 'editor credit', editor: 1 },
];

/** Returns why a (trimmed) line is boilerplate, or null when it belongs to the article. */
export function matchBoilerplate(line: string): BoilerplateHit | null {
  for (const rule of RULES) {
    const m = rule.pattern.exec(line);
    if (!m) continue;
    const hit: BoilerplateHit = { reason: rule.reason };
    if (rule.section !== undefined) hit.section = m[rule.section]!.trim();
    if (rule.sectionLabel !== undefined) hit.section = rule.sectionLabel;
    if (rule.editor !== undefined) hit.editor = m[rule.editor]!.trim();
    return hit;
  }
  return null;
}
