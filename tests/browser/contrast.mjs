// Text contrast, measured in the page: for every piece of text inside the
// shadow roots of the elements matched by `selector`, the colour it is drawn
// in (CSS `color`, or `fill` for SVG text; its alpha and the opacity of
// every ancestor applied) is composited over what is behind it (the
// background colours of its ancestors, across shadow roots, down to the
// page's canvas), and the WCAG ratio of the two is computed. Text that is
// not rendered (a closed <details>, display: none) is not measured; disabled
// controls are exempt (WCAG 1.4.3). A background image or gradient behind
// text cannot be measured and is reported as a failure, never skipped.
//
// lowContrast(page, selector, {min}) -> [{text, ratio, colour, background, where}]
// for every text below `min` (default 4.5): empty means every text passed.

export async function measureContrast(page, selector) {
  return page.evaluate((sel) => {
    const parse = (text) => {
      const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)/.exec(text);
      if (!m) return null;
      return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const lin = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    const ratio = (a, b) => { const [h, l] = [lum(a), lum(b)].sort((x, y) => y - x); return (h + 0.05) / (l + 0.05); };
    const hex = (c) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const parentOf = (node) => node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);

    // The canvas: the root's background, else the body's (CSS propagation),
    // over the browser's canvas colour in the page's colour scheme.
    const canvas = (() => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'Canvas';
      document.body.append(probe);
      const system = parse(getComputedStyle(probe).backgroundColor);
      probe.remove();
      for (const node of [document.documentElement, document.body]) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c && c.a > 0) return over(c, system);
      }
      return system;
    })();

    // What is painted behind `element`: its own background and its ancestors', composited.
    function backdrop(element) {
      const layers = [];
      for (let node = element; node && node !== document.documentElement; node = parentOf(node)) {
        const style = getComputedStyle(node);
        if (style.backgroundImage && style.backgroundImage !== 'none') return { unknown: `background-image on <${node.localName}>` };
        const c = parse(style.backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      let colour = layers.length && layers.at(-1).a >= 1 ? { ...layers.pop(), a: 1 } : canvas;
      while (layers.length) colour = over(layers.pop(), colour);
      return { colour };
    }

    function opacity(element) {
      let o = 1;
      for (let node = element; node && node !== document.documentElement; node = parentOf(node)) o *= +getComputedStyle(node).opacity;
      return o;
    }

    function disabled(element) {
      for (let node = element; node; node = parentOf(node)) {
        if (node.matches?.(':disabled')) return true;
        if (node instanceof ShadowRoot) break;
      }
      return false;
    }

    const results = [];
    function measure(root, host) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const words = text.textContent.trim();
        if (!words) continue;
        const element = text.parentElement;
        if (!element || ['STYLE', 'SCRIPT', 'TITLE', 'OPTION', 'OPTGROUP'].includes(element.tagName) || element.closest('title')) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) continue;  // not rendered
        const style = getComputedStyle(element);
        if (style.visibility !== 'visible') continue;
        if (disabled(element)) continue;
        const svg = element instanceof SVGElement;
        const raw = parse(svg ? style.fill : style.color);
        const behind = backdrop(element);
        const where = `${host.localName}${host.id ? `#${host.id}` : ''} ${element.localName}${element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
        if (!raw || behind.unknown) {
          results.push({ text: words.slice(0, 60), ratio: 0, colour: svg ? style.fill : style.color, background: behind.unknown ?? '?', where });
          continue;
        }
        const colour = over({ ...raw, a: raw.a * opacity(element) }, behind.colour);
        results.push({ text: words.slice(0, 60), ratio: Math.round(ratio(colour, behind.colour) * 100) / 100, colour: hex(colour), background: hex(behind.colour), where });
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) measure(element.shadowRoot, element);
    }
    for (const host of document.querySelectorAll(sel)) if (host.shadowRoot) measure(host.shadowRoot, host);
    return results;
  }, selector);
}

/** The texts below `min`; empty when every text of the matched elements passes. */
export async function lowContrast(page, selector, { min = 4.5 } = {}) {
  const all = await measureContrast(page, selector);
  if (!all.length) throw new Error(`contrast: no text measured in ${selector}`);
  return all.filter((r) => r.ratio < min).map((r) => `${r.ratio}:1 "${r.text}" ${r.colour} on ${r.background} (${r.where})`);
}

/** Opens every <details> inside the matched elements' shadow roots, so folded text is measured too. */
export async function unfoldAll(page, selector) {
  await page.evaluate((sel) => {
    const open = (root) => {
      for (const d of root.querySelectorAll('details')) d.open = true;
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot) open(e.shadowRoot);
    };
    for (const host of document.querySelectorAll(sel)) if (host.shadowRoot) open(host.shadowRoot);
  }, selector);
}
