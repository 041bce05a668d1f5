"""The JavaScript that reads a rendered chart's styles: what it paints, in which fonts, with
which corners, and any shadow or gradient, whoever set them (style sheet or script).

It reads computed styles through the browser's own functions, kept by ``INIT`` before the
page's scripts ran, so that a page cannot answer for the browser. Canvas charts are read
through their library's instance (Chart.js element options, the ECharts display list, the
Vega scenegraph) and through the canvas calls ``INIT`` counts (gradients made, shadows set).
"""

from __future__ import annotations

STYLES = """
(maxElements) => {
  const native = window.__benchNative;
  const get = (cs, name) => native.get(cs, name);
  const colors = new Set(), fonts = new Set(), shorthands = new Set(), radii = new Set();
  const backgrounds = new Set(), shadows = [], gradients = [];
  const label = (el) => {
    const cls = String(el.getAttribute('class') || '').trim().split(/\\s+/)[0];
    return '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : cls ? '.' + cls : '') + '>';
  };
  const px = (value) => {
    const found = /^(-?[\\d.]+)px/.exec(String(value).trim());
    return found ? Number(found[1]) : null;
  };
  const addRadius = (value) => {
    const n = typeof value === 'number' ? value : px(value);
    if (n !== null && Number.isFinite(n) && n > 0) radii.add(n);
  };
  const addColor = (value, into = colors) => {
    if (typeof value === 'string' && value && value.length < 80) into.add(value);
  };
  // The browser's defaults, to tell them from what the page chose: an element reset to them.
  const probe = document.createElement('span');
  probe.style.setProperty('all', 'initial');
  (document.body || document.documentElement).append(probe);
  const initialStyle = native.style(probe);
  const initial = {};
  for (const p of ['color', 'font-family', 'fill']) initial[p] = get(initialStyle, p);
  probe.remove();

  const SKIP = new Set(['script', 'style', 'head', 'meta', 'link', 'title', 'defs', 'clippath',
    'mask', 'marker', 'pattern', 'lineargradient', 'radialgradient', 'stop', 'filter', 'symbol',
    'desc', 'metadata', 'noscript', 'template', 'br']);
  const SHAPES = new Set(['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path',
    'text', 'tspan', 'textpath', 'use']);
  const SHADOW_FILTERS = ['feDropShadow', 'feGaussianBlur', 'feOffset'];
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const referenced = (value) => {
    const found = /url\\(\\s*["']?#([^"')\\s]+)/.exec(value);
    return found ? document.getElementById(found[1]) : null;
  };
  const charts = [...document.querySelectorAll('svg, canvas')];
  const backdrops = new Set([document.documentElement, document.body]);
  for (const chart of charts) {
    for (let el = chart; el; el = el.parentElement) backdrops.add(el);
    if (chart.tagName.toLowerCase() === 'svg') {
      const box = chart.getBoundingClientRect();
      const first = chart.querySelector('rect');
      const own = first && first.getBoundingClientRect();
      if (own && own.width >= 0.8 * box.width && own.height >= 0.8 * box.height) {
        backdrops.add(first);
      }
    }
  }
  let elements = 0;
  const all = [document.documentElement, ...document.documentElement.querySelectorAll('*')];
  for (const el of all) {
    if (elements >= maxElements) break;
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag) || el === probe) continue;
    if (el !== document.documentElement && el !== document.body
        && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    elements++;
    const cs = native.style(el);
    const svg = el.namespaceURI === SVG_NS;
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim());
    if (text || (svg && (tag === 'text' || tag === 'tspan'))) {
      const family = get(cs, 'font-family');
      if (family && family !== initial['font-family']) fonts.add(family);
      if (!svg && get(cs, 'color') !== initial.color) addColor(get(cs, 'color'));
    }
    if (svg && SHAPES.has(tag)) {
      for (const p of ['fill', 'stroke']) {
        const paint = get(cs, p);
        if (!paint || paint === 'none') continue;
        if (paint.startsWith('url(')) {
          const target = referenced(paint);
          const kind = target && target.tagName;
          if ((kind === 'linearGradient' || kind === 'radialGradient')
              && !el.closest('.colorbar, .role-legend-gradient')) {
            gradients.push(`${p}: url(#${target.id}) (a <${kind}>) on ${label(el)}`);
          }
        } else if (!(p === 'fill' && paint === initial.fill)) {
          addColor(paint);
        }
      }
      if (tag === 'rect') for (const p of ['rx', 'ry']) addRadius(get(cs, p));
    }
    const background = get(cs, 'background-color');
    if (background && background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') {
      addColor(background);
      if (backdrops.has(el)) addColor(background, backgrounds);
    }
    if (svg && backdrops.has(el) && tag === 'rect') addColor(get(cs, 'fill'), backgrounds);
    for (const side of ['top', 'right', 'bottom', 'left']) {
      if (get(cs, `border-${side}-style`) !== 'none' && px(get(cs, `border-${side}-width`))) {
        addColor(get(cs, `border-${side}-color`));
      }
    }
    for (const corner of ['top-left', 'top-right', 'bottom-right', 'bottom-left']) {
      addRadius(get(cs, `border-${corner}-radius`));
    }
    for (const p of ['box-shadow', 'text-shadow']) {
      const value = get(cs, p);
      const parent = el.parentElement;
      // text-shadow is inherited: name the element that set it, not each one under it
      if (!value || value === 'none'
          || (p === 'text-shadow' && parent && get(native.style(parent), p) === value)) continue;
      shadows.push(`${p}: ${value.slice(0, 60)} on ${label(el)}`);
    }
    const filter = get(cs, 'filter');
    if (filter && filter !== 'none') {
      const target = referenced(filter);
      if (filter.includes('drop-shadow(')) {
        shadows.push(`filter: ${filter.slice(0, 60)} on ${label(el)}`);
      } else if (target && SHADOW_FILTERS.some(
          (name) => target.getElementsByTagNameNS(SVG_NS, name).length)) {
        shadows.push(`filter: url(#${target.id}) (a blur or drop shadow) on ${label(el)}`);
      }
    }
    const image = get(cs, 'background-image');
    if (image && image.includes('gradient(')) {
      gradients.push(`background-image: ${image.slice(0, 60)} on ${label(el)}`);
    }
  }

  const owned = new Set();
  try {
    if (window.Chart && window.Chart.instances) {
      const DEFAULT_FONT = "'Helvetica Neue', 'Helvetica', 'Arial', sans-serif";
      for (const c of Object.values(window.Chart.instances)) {
        const addFont = (font) => {
          if (font && typeof font.family === 'string' && font.family !== DEFAULT_FONT) {
            fonts.add(font.family);
          }
        };
        for (let i = 0; i < (c.data.datasets || []).length; i++) {
          const meta = c.getDatasetMeta(i);
          for (const el of [meta.dataset, ...meta.data.slice(0, 200)]) {
            const o = (el && el.options) || {};
            for (const k of ['backgroundColor', 'borderColor', 'pointBackgroundColor',
              'pointBorderColor']) {
              if (typeof o[k] === 'string') addColor(o[k]);
              else if (window.CanvasGradient && o[k] instanceof CanvasGradient) {
                gradients.push(`a gradient as ${k} of Chart.js dataset ${i + 1}`);
              }
            }
            const r = o.borderRadius;
            if (typeof r === 'number') addRadius(r);
            else if (r && typeof r === 'object') Object.values(r).forEach(addRadius);
          }
        }
        const o = c.options || {};
        const plugins = o.plugins || {};
        addFont(o.font);
        for (const scale of Object.values(c.scales || {})) {
          const so = scale.options || {};
          addFont(so.ticks && so.ticks.font);
          addFont(so.title && so.title.font);
          addColor(so.ticks && so.ticks.color);
          addColor(so.grid && so.grid.color);
        }
        const legend = plugins.legend && plugins.legend.labels;
        addFont(legend && legend.font);
        addColor(legend && legend.color);
        addFont(plugins.title && plugins.title.display && plugins.title.font);
        addColor(plugins.title && plugins.title.display && plugins.title.color);
        addFont(plugins.tooltip && plugins.tooltip.bodyFont);
        addFont(plugins.tooltip && plugins.tooltip.titleFont);
      }
    }
  } catch (e) {}
  try {
    if (window.echarts) {
      for (const node of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = window.echarts.getInstanceByDom(node);
        if (!chart) continue;
        node.querySelectorAll('canvas').forEach((c) => owned.add(c));
        const option = chart.getOption();
        if (typeof option.backgroundColor === 'string'
            && option.backgroundColor !== 'transparent') {
          addColor(option.backgroundColor);
          addColor(option.backgroundColor, backgrounds);
        }
        const inVisualMap = (el) => {
          for (let p = el; p; p = p.parent) {
            if (p.__ecComponentInfo && p.__ecComponentInfo.mainType === 'visualMap') return true;
          }
          return false;
        };
        for (const el of chart.getZr().storage.getDisplayList().slice(0, 5000)) {
          const s = el.style || {};
          if (el.invisible || s.opacity === 0) continue;
          for (const k of ['fill', 'stroke']) {
            const paint = s[k];
            if (typeof paint === 'string') { if (paint !== 'none') addColor(paint); }
            else if (paint && paint.colorStops && !inVisualMap(el)) {
              gradients.push(`a ${paint.type || ''} gradient ${k} in the ECharts chart`);
            }
          }
          if (typeof s.font === 'string') shorthands.add(s.font);
          if (typeof s.fontFamily === 'string') fonts.add(s.fontFamily);
          if (el.type === 'rect' && el.shape) {
            const r = el.shape.r;
            (Array.isArray(r) ? r : [r]).forEach((v) => typeof v === 'number' && addRadius(v));
          }
          if ((s.shadowBlur > 0 || s.shadowOffsetX || s.shadowOffsetY) && s.shadowColor) {
            shadows.push(`shadowBlur ${s.shadowBlur || 0} (${s.shadowColor}) in the ECharts chart`);
          }
        }
      }
    }
  } catch (e) {}
  try {
    for (const view of window.__benchVega.views()) {
      const container = view.container();
      if (container) container.querySelectorAll('canvas').forEach((c) => owned.add(c));
      const backdrop = view.background();
      if (typeof backdrop === 'string') {
        addColor(backdrop);
        addColor(backdrop, backgrounds);
      }
      let seen = 0;
      const walk = (mark, depth) => {
        if (!mark || depth > 12 || seen > 5000) return;
        for (const item of mark.items || []) {
          seen++;
          for (const k of ['fill', 'stroke']) {
            const paint = item[k];
            if (typeof paint === 'string') addColor(paint);
            else if (paint && paint.gradient && mark.role !== 'legend-gradient') {
              gradients.push(`a ${paint.gradient} gradient ${k} in the Vega view`);
            }
          }
          if (typeof item.font === 'string') fonts.add(item.font);
          for (const k of ['cornerRadius', 'cornerRadiusTopLeft', 'cornerRadiusTopRight',
            'cornerRadiusBottomLeft', 'cornerRadiusBottomRight']) addRadius(item[k]);
          for (const child of item.items || []) walk(child, depth + 1);
        }
      };
      walk(view.scenegraph().root, 0);
    }
  } catch (e) {}
  for (const canvas of document.querySelectorAll('canvas')) {
    const paint = native.paint(canvas);
    if (!paint) continue;
    if (paint.shadows) shadows.push(`a canvas shadow drawn on ${label(canvas)}`);
    if (paint.gradients && !owned.has(canvas)) {
      gradients.push(`a canvas gradient created on ${label(canvas)}`);
    }
  }
  return {
    elements,
    colors: [...colors].slice(0, 2000),
    fonts: [...fonts].slice(0, 200),
    shorthands: [...shorthands].slice(0, 200),
    radii: [...radii].slice(0, 500),
    backgrounds: [...backgrounds].slice(0, 200),
    shadows: shadows.slice(0, 50),
    gradients: gradients.slice(0, 50),
  };
}
"""
