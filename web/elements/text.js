// Words for people, shared by the elements: lists joined as a sentence
// would join them, counts with their noun, and titles wrapped to lines for
// the diagrams. No DOM here (the layouts use it in Node too).

/** `['a', 'b', 'c']` as "a, b and c" (`last` = "or" gives "a, b or c"). */
export function joinWords(words, last = 'and') {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/**
 * Items (text or nodes) with separators between them, for a parent's
 * children: `joinNodes([a, b, c], ', ', ' or ')` gives `[a, ', ', b, ' or ', c]`.
 */
export function joinNodes(items, separator, last = separator) {
  return items.flatMap((item, i) => (i === 0 ? [item] : [i === items.length - 1 ? last : separator, item]));
}

/** "1 pattern", "3 patterns". */
export function count(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** An id-like value as a label: "read-heavy" -> "Read heavy". */
export function humanize(value) {
  const text = String(value).replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Greedy word wrap to `width` characters, at most `max` lines. A word longer
 * than a line is cut, and so is the last line when text is left over (each
 * with an ellipsis): for boxes of a fixed size.
 */
export function wrapCut(text, width, max) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = `${lines[max - 1].slice(0, width - 1)}…`;
  }
  return lines.length ? lines : [''];
}

/**
 * Word wrap to about `width` characters on at most three lines, words never
 * cut: past three lines the third ends with an ellipsis. For labels that
 * name a control, whose visible words must all be words of the name (WCAG
 * "label in name"; axe: label-content-name-mismatch).
 */
export function wrapWhole(text, width) {
  const lines = [];
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && [...lines[last]].length + 1 + [...word].length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length > 3) lines.splice(2, lines.length - 2, `${lines[2]}…`);
  return lines.length ? lines : [''];
}

/**
 * The first sentence of `text`, as a one-line summary: a sentence longer
 * than `max` characters ends at its first ";" (when that leaves a clause of
 * some length), and one still too long is cut after a comma with an
 * ellipsis. The whole text belongs one click away.
 */
export function firstSentence(text, max = 200) {
  const whole = String(text ?? '').trim().replace(/\s+/g, ' ');
  let s = (/^.*?[.!?](?=\s|$)/.exec(whole) ?? [whole])[0];
  const semicolon = s.indexOf('; ');
  if (s.length > max && semicolon >= 40) s = `${s.slice(0, semicolon)}.`;
  if (s.length > max) {
    const comma = s.lastIndexOf(', ', max);
    s = `${s.slice(0, comma >= 40 ? comma : max).trimEnd()}…`;
  }
  return s;
}
