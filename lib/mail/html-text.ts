import { convert } from 'html-to-text';

/**
 * How much markup is turned into text: the first 256 KB once styles, scripts and comments are
 * gone. The new text stands at the top of a reply; Outlook's markup runs at about 5–10 bytes per
 * character of text, so 256 KB still carries some 25–50 KB of text (thousands of words), far more
 * than anyone writes in a reply, while html-to-text's cost stays well under a second on 2 cores.
 */
export const MAX_HTML_CHARS = 256 * 1024;
/** Deeper elements are flattened into their 64th ancestor: no mail client nests that deep, a hostile message nests 200,000. */
export const MAX_HTML_DEPTH = 64;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** A tag: its name, and at most 2,000 characters of attributes (a longer "tag" is left as text). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})(?:\s[^<>]{0,2000})?(\/?)>/g;

/** HTML-only mail as text, in time linear in its size. */
export function htmlAsText(html: string): string {
  return convert(boundedHtml(html), {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'blockquote', options: { trimEmptyLines: true } },
    ],
    limits: { maxDepth: MAX_HTML_DEPTH + 8 },
  });
}

/** The markup html-to-text is given: without styles, scripts and comments, cut to size, nesting flattened. */
export function boundedHtml(html: string): string {
  return flattened(withoutBlocks(html).slice(0, MAX_HTML_CHARS));
}

/** Drops `<style>…</style>`, `<script>…</script>` and `<!-- … -->`: one pass, each opener searched for once per occurrence. */
function withoutBlocks(html: string): string {
  const lower = html.toLowerCase();
  const blocks = [
    { opener: '<!--', closer: '-->', at: 0 },
    { opener: '<style', closer: '</style', at: 0 },
    { opener: '<script', closer: '</script', at: 0 },
  ];
  for (const block of blocks) block.at = lower.indexOf(block.opener);
  const kept: string[] = [];
  let from = 0;
  let size = 0;
  while (from < html.length && size <= MAX_HTML_CHARS) {
    let first: (typeof blocks)[number] | null = null;
    for (const block of blocks) {
      if (block.at !== -1 && block.at < from) block.at = lower.indexOf(block.opener, from);
      if (block.at !== -1 && (first === null || block.at < first.at)) first = block;
    }
    if (first === null) {
      kept.push(html.slice(from));
      break;
    }
    kept.push(html.slice(from, first.at));
    size += first.at - from;
    const close = lower.indexOf(first.closer, first.at + first.opener.length);
    if (close === -1) break;
    const closeEnd = lower.indexOf('>', close);
    from = closeEnd === -1 ? html.length : closeEnd + 1;
  }
  return kept.join('');
}

/** Removes the tags of elements nested deeper than MAX_HTML_DEPTH (their text stays). */
function flattened(html: string): string {
  let depth = 0;
  let dropped = 0;
  return html.replace(TAG, (tag: string, slash: string, name: string, selfClosing: string) => {
    if (selfClosing || VOID.has(name.toLowerCase())) return tag;
    if (slash) {
      if (dropped > 0) {
        dropped--;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= MAX_HTML_DEPTH) {
      dropped++;
      return '';
    }
    depth++;
    return tag;
  });
}
