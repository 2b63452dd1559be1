// Runs in the printed page (Chromium, print media): what overflows its box, and the contrast of every text.
/* global document, getComputedStyle */
(() => {
  const overflow = [];
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
  const width = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1) overflow.push(`${name(el)} ends at ${Math.round(rect.right)} > ${width}`);
    const clips = ['hidden', 'auto', 'scroll', 'clip'].includes(style.overflowX);
    if (style.display !== 'inline' && !clips && el.scrollWidth > el.clientWidth + 1)
      overflow.push(`${name(el)} content ${el.scrollWidth} > box ${el.clientWidth}`);
    if (style.display === 'inline' || style.display === 'inline-flex' || style.display === 'inline-block') {
      const block = el.parentElement?.closest('td,th,li,p,dd,div,section,pre,h1,h2,h3,h4');
      const box = block?.getBoundingClientRect();
      if (box && rect.right > box.right + 1)
        overflow.push(
          `${name(el)} leaves its ${block.tagName.toLowerCase()} (${Math.round(rect.right)} > ${Math.round(box.right)})`,
        );
    }
  }

  // WCAG 2.1 relative luminance and contrast of every element that holds text.
  const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) =>
    [r, g, b]
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const lowContrast = [];
  let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || !el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    const fg = el.closest('svg') ? parse(style.fill) : parse(style.color);
    const bg = el.closest('svg') ? [255, 255, 255] : background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    checked++;
    if (ratio < (large ? 3 : 4.5)) lowContrast.push(`${name(el)} ${ratio.toFixed(2)}:1`);
  }
  const hiddenExchanges = [...document.querySelectorAll('details.exchange > pre')].filter(
    (p) => !p.checkVisibility(),
  ).length;
  return {
    overflow,
    lowContrast,
    checked,
    exchanges: document.querySelectorAll('details.exchange').length,
    hiddenExchanges,
  };
})();
