"""The JavaScript run inside a rendered chart: reading it, and finding what to hover or click."""

from __future__ import annotations

from ._style_scripts import STYLES

# Run before any of the page's scripts: dialogs become no-ops (an ``alert`` loop then costs
# nothing), ``window.open`` opens nothing, and each attempt is counted. The browser's own
# style functions are kept before a page could replace them; canvas calls that make gradients
# or set shadows are counted per canvas; Vega views are kept as they are made (``vegaEmbed``'s
# result and every ``vega.View`` that initialises), with the specs given to ``vegaEmbed``.
INIT = """
(() => {
  const counts = { dialogs: 0, popups: 0 };
  const hide = (name, value) => Object.defineProperty(window, name, { value });
  hide('__benchCounts', counts);
  window.alert = () => { counts.dialogs++; };
  window.confirm = () => { counts.dialogs++; return false; };
  window.prompt = () => { counts.dialogs++; return null; };
  window.print = () => { counts.dialogs++; };
  window.open = () => { counts.popups++; return null; };

  const computed = window.getComputedStyle.bind(window);
  const value = CSSStyleDeclaration.prototype.getPropertyValue;
  const paints = new WeakMap();
  const mark = (canvas, what) => {
    if (!canvas) return;
    const paint = paints.get(canvas) || { gradients: 0, shadows: 0 };
    paint[what]++;
    paints.set(canvas, paint);
  };
  hide('__benchNative', Object.freeze({
    style: (el) => computed(el),
    get: (style, name) => value.call(style, name),
    paint: (canvas) => paints.get(canvas) || null,
  }));
  const context = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  if (context) {
    for (const name of ['createLinearGradient', 'createRadialGradient', 'createConicGradient']) {
      const make = context[name];
      if (typeof make !== 'function') continue;
      context[name] = function (...args) {
        mark(this.canvas, 'gradients');
        return make.apply(this, args);
      };
    }
    const props = ['shadowBlur', 'shadowOffsetX', 'shadowOffsetY', 'shadowColor'];
    const descriptors = Object.fromEntries(
      props.map((p) => [p, Object.getOwnPropertyDescriptor(context, p)]));
    const read = (ctx, p) => descriptors[p].get.call(ctx);
    for (const p of props) {
      const d = descriptors[p];
      if (!d || !d.set) continue;
      Object.defineProperty(context, p, { ...d, set(v) {
        d.set.call(this, v);
        const shadow = read(this, 'shadowBlur') || read(this, 'shadowOffsetX')
          || read(this, 'shadowOffsetY');
        const color = String(read(this, 'shadowColor'));
        if (shadow && !/^rgba\\(.*,\\s*0\\)$/.test(color)) mark(this.canvas, 'shadows');
      } });
    }
  }

  const views = [], specs = [], pending = [];
  const keep = (view) => { if (view && !views.includes(view)) views.push(view); };
  hide('__benchVega', Object.freeze({
    views: () => views.slice(), specs: () => specs.slice(), pending: () => pending.slice(),
  }));
  const hook = (name, wrap) => {
    let current;
    Object.defineProperty(window, name, {
      configurable: true, enumerable: true, get: () => current,
      set: (given) => {
        current = given && ['object', 'function'].includes(typeof given) ? wrap(given) : given;
      },
    });
  };
  hook('vega', (vega) => {
    let View;
    Object.defineProperty(vega, 'View', {
      configurable: true, enumerable: true, get: () => View,
      set: (given) => {
        View = given;
        const init = given && given.prototype && given.prototype.initialize;
        if (typeof init === 'function') {
          given.prototype.initialize = function (...args) {
            keep(this);
            return init.apply(this, args);
          };
        }
      },
    });
    return vega;
  });
  hook('vegaEmbed', (embed) => {
    if (typeof embed !== 'function') return embed;
    const wrapped = function (...args) {
      if (args[1] && typeof args[1] === 'object') specs.push(args[1]);
      const result = embed.apply(this, args);
      const done = Promise.resolve(result).then((r) => keep(r && r.view), () => {});
      pending.push(done);
      return result;
    };
    return Object.assign(wrapped, embed);
  });
})();
"""

# Zeroes transitions and animations once the chart is drawn, so that screenshots repeat.
STILL_CSS = """
*, *::before, *::after {
  transition: none !important; animation: none !important; caret-color: transparent !important;
}
"""

SETTLE = """
async () => {
  if (document.fonts) await document.fonts.ready;
  const later = (ms) => new Promise((done) => setTimeout(done, ms));
  await Promise.race([Promise.allSettled(window.__benchVega.pending()), later(3000)]);
  for (const view of window.__benchVega.views()) {
    try { await Promise.race([view.runAsync(), later(1000)]); } catch (e) {}
  }
  if (window.Chart && window.Chart.instances) {
    for (const c of Object.values(window.Chart.instances)) {
      try { c.stop(); c.update('none'); } catch (e) {}
    }
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}
"""

LOADED = """
() => document.readyState === 'complete' ? null
  : new Promise((done) => addEventListener('load', () => done(null), { once: true }))
"""

FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

COLLECT = """
([maxNodes, maxText]) => {
  const nodes = document.getElementsByTagName('*').length;
  const out = { nodes, text: '', svg: '', canvas: false, libraries: [] };
  if (nodes > maxNodes) return out;
  const texts = [document.body ? document.body.innerText : ''];
  for (const el of document.querySelectorAll('svg text, svg title, svg desc, svg tspan')) {
    texts.push(el.textContent || '');
  }
  out.text = texts.join('\\n').slice(0, maxText);
  out.svg = [...document.querySelectorAll('svg')].map((s) => s.outerHTML).join('\\n')
    .slice(0, maxText);
  out.canvas = document.querySelector('canvas') !== null;
  const numbers = (items) => {
    const found = [];
    const walk = (v, depth) => {
      if (typeof v === 'number' && Number.isFinite(v)) found.push(v);
      else if (Array.isArray(v) && depth < 3) v.forEach((x) => walk(x, depth + 1));
      else if (v && typeof v === 'object' && depth < 3) {
        for (const k of ['value', 'x', 'y', 'r', 'v']) if (k in v) walk(v[k], depth + 1);
      }
    };
    walk(items, 0);
    return found.slice(0, 20000);
  };
  const strings = (items) => (Array.isArray(items) ? items : [])
    .flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)]
      : (v && typeof v === 'object' && 'name' in v ? [String(v.name)] : [])))
    .slice(0, 5000);
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const sets = c.data.datasets || [];
        out.libraries.push({
          library: 'Chart.js',
          types: [c.config.type, ...sets.map((d) => d.type).filter(Boolean)],
          labels: strings(c.data.labels || []),
          series: sets.map((d) => String(d.label ?? '')),
          values: numbers(sets.map((d) => d.data)),
        });
      }
    }
  } catch (e) {}
  try {
    if (window.echarts) {
      for (const el of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = window.echarts.getInstanceByDom(el);
        if (!chart) continue;
        const o = chart.getOption();
        const series = o.series || [];
        const axes = [...(o.xAxis || []), ...(o.yAxis || [])];
        out.libraries.push({
          library: 'ECharts',
          types: series.map((s) => String(s.type)),
          labels: [...axes.flatMap((a) => strings(a.data)), ...series.flatMap((s) => strings(
            (s.data || []).filter((d) => d && typeof d === 'object' && !Array.isArray(d))))],
          series: series.map((s) => String(s.name ?? '')),
          values: numbers(series.map((s) => s.data)),
        });
      }
    }
  } catch (e) {}
  try {
    for (const el of document.querySelectorAll('.js-plotly-plot')) {
      const traces = el._fullData || [];
      out.libraries.push({
        library: 'Plotly',
        types: traces.map((t) => (t.type === 'scatter' && String(t.mode || '').includes('lines')
          ? (t.fill && t.fill !== 'none' ? 'area' : 'line') : String(t.type))),
        labels: traces.flatMap((t) => [...strings(t.x), ...strings(t.y), ...strings(t.labels)])
          .filter((s) => Number.isNaN(Number(s))),
        series: traces.map((t) => String(t.name ?? '')),
        values: numbers(traces.map((t) => [t.x, t.y, t.z, t.values])),
      });
    }
  } catch (e) {}
  try {
    const views = window.__benchVega.views();
    if (views.length) {
      const KINDS = { bar: 'bar', line: 'line', trail: 'line', area: 'area', arc: 'pie',
        point: 'scatter', circle: 'scatter', square: 'scatter', rect: 'heatmap' };
      const types = [];
      const marks = (spec, depth) => {
        if (!spec || typeof spec !== 'object' || depth > 6) return;
        const mark = typeof spec.mark === 'string' ? spec.mark : spec.mark && spec.mark.type;
        if (KINDS[mark]) types.push(KINDS[mark]);
        for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
          (Array.isArray(spec[key]) ? spec[key] : []).forEach((s) => marks(s, depth + 1));
        }
        marks(spec.spec, depth + 1);
      };
      window.__benchVega.specs().forEach((spec) => marks(spec, 0));
      const labels = [], values = [];
      for (const view of views) {
        for (const name of Object.keys(view._runtime.data || {})) {
          let rows = [];
          try { rows = view.data(name) || []; } catch (e) { continue; }
          for (const row of rows.slice(0, 2000)) {
            for (const [key, v] of Object.entries(row || {})) {
              if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
              else if (typeof v === 'string' && v.length < 200) labels.push(v);
            }
          }
        }
      }
      out.libraries.push({
        library: 'Vega', types, labels: [...new Set(labels)].slice(0, 5000),
        series: [], values: values.slice(0, 20000),
      });
    }
  } catch (e) {}
  return out;
}
"""

# Points (page coordinates) over the chart's first marks, by the library that drew them.
MARKS = """
() => {
  const points = [];
  const add = (x, y, how) => {
    if (Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y, how });
  };
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const box = c.canvas.getBoundingClientRect();
        const meta = c.getDatasetMeta(0);
        for (const el of meta.data.slice(0, 3)) {
          const p = el.getCenterPoint ? el.getCenterPoint() : el;
          add(box.left + p.x, box.top + p.y, 'Chart.js');
        }
      }
    }
  } catch (e) {}
  try {
    if (window.echarts) {
      for (const node of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = window.echarts.getInstanceByDom(node);
        if (!chart) continue;
        const box = node.getBoundingClientRect();
        const data = chart.getModel().getSeriesByIndex(0).getData();
        for (let i = 0; i < Math.min(3, data.count()); i++) {
          const l = data.getItemLayout(i);
          if (!l) continue;
          if (Array.isArray(l)) add(box.left + l[0], box.top + l[1], 'ECharts');
          else if ('cx' in l) {
            const a = (l.startAngle + l.endAngle) / 2;
            const r = ((l.r0 || 0) + l.r) / 2;
            add(box.left + l.cx + r * Math.cos(a), box.top + l.cy + r * Math.sin(a), 'ECharts');
          } else if ('width' in l) {
            add(box.left + l.x + l.width / 2, box.top + l.y + l.height / 2, 'ECharts');
          }
        }
      }
    }
  } catch (e) {}
  if (points.length) return points;
  const view = window.innerWidth * window.innerHeight;
  const marks = [...document.querySelectorAll(
    'svg rect, svg circle, svg path, svg ellipse, svg polygon, [data-value]')]
    .filter((el) => {
      if (el.closest('defs, clipPath, mask, [class*="legend"]')) return false;
      const b = el.getBoundingClientRect();
      const area = b.width * b.height;
      return area > 4 && area < view / 8 && el.checkVisibility({ opacityProperty: true });
    });
  const step = Math.max(1, Math.floor(marks.length / 4));
  for (let i = 0; i < marks.length && points.length < 4; i += step) {
    const b = marks[i].getBoundingClientRect();
    add(b.left + b.width / 2, b.top + b.height / 2, 'svg');
  }
  if (points.length) return points;
  for (const canvas of document.querySelectorAll('canvas')) {
    const b = canvas.getBoundingClientRect();
    for (const fx of [0.3, 0.5, 0.7]) for (const fy of [0.4, 0.6, 0.8]) {
      add(b.left + b.width * fx, b.top + b.height * fy, 'canvas');
    }
  }
  return points.slice(0, 9);
}
"""

# What a visitor sees as text right now (opacity and visibility respected), and the state of
# every hover/tooltip signal a library keeps; compared before and after the mouse moves.
LOOK = """
() => {
  const seen = [];
  const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
  let count = 0;
  while (walker.nextNode() && count < 20000) {
    count++;
    const t = walker.currentNode.nodeValue.trim();
    const el = walker.currentNode.parentElement;
    if (t && el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      seen.push(t);
    }
  }
  const tips = [];
  let active = 0;
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const t = c.tooltip;
        active += c.getActiveElements().length;
        const on = c.options.plugins && c.options.plugins.tooltip
          && c.options.plugins.tooltip.enabled !== false;
        if (on && t && t.opacity > 0 && t.getActiveElements().length) {
          tips.push([...(t.title || []), ...(t.body || []).flatMap((b) => b.lines)].join(' '));
        }
      }
    }
  } catch (e) {}
  for (const layer of document.querySelectorAll('.hoverlayer')) {
    if (layer.textContent.trim()) { tips.push(layer.textContent); active++; }
  }
  return { seen, tips, active, mutations: window.__benchMutations || 0 };
}
"""

WATCH = """
() => {
  if (window.__benchObserver) return;
  window.__benchMutations = 0;
  window.__benchObserver = new MutationObserver((list) => {
    window.__benchMutations += list.length;
  });
  window.__benchObserver.observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
}
"""

TITLE_AT = """
([x, y]) => {
  let el = document.elementFromPoint(x, y);
  while (el) {
    const title = [...el.children].find((c) => c.tagName.toLowerCase() === 'title');
    if (title && title.textContent.trim()) return title.textContent.trim();
    el = el.parentElement;
  }
  return '';
}
"""

# The first legend entry: where to click, and how to tell whether its series is hidden.
LEGEND = """
() => {
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const boxes = c.legend && c.legend.legendHitBoxes;
        if (boxes && boxes.length && c.options.plugins.legend.display !== false) {
          const b = boxes[0];
          const r = c.canvas.getBoundingClientRect();
          return { x: r.left + b.left + b.width / 2, y: r.top + b.top + b.height / 2,
                   how: 'Chart.js' };
        }
      }
    }
  } catch (e) {}
  try {
    if (window.echarts) {
      for (const node of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = window.echarts.getInstanceByDom(node);
        const legend = (chart && chart.getOption().legend) || [];
        if (!legend.length || legend[0].show === false) continue;
        const names = new Set((chart.getOption().series || []).map((s) => s.name));
        (chart.getOption().series || []).forEach((s) => (s.data || []).forEach((d) => {
          if (d && d.name) names.add(d.name);
        }));
        const box = node.getBoundingClientRect();
        for (const el of chart.getZr().storage.getDisplayList()) {
          const text = el.style && el.style.text;
          if (!text || !names.has(text)) continue;
          let inLegend = false;
          for (let p = el.parent; p; p = p.parent) if (p.__legendDataIndex !== undefined
            || (p.name && String(p.name).includes('legend'))) inLegend = true;
          const rect = el.getBoundingRect().clone();
          rect.applyTransform(el.getComputedTransform());
          if (!inLegend && rect.y > 80 && rect.y < box.height - 80) continue;
          window.__benchLegendName = text;
          return { x: box.left + rect.x + rect.width / 2, y: box.top + rect.y + rect.height / 2,
                   how: 'ECharts' };
        }
      }
    }
  } catch (e) {}
  const toggle = document.querySelector('.js-plotly-plot .legend .traces .legendtoggle');
  if (toggle) {
    const b = toggle.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, how: 'Plotly' };
  }
  const entry = [...document.querySelectorAll(
    '[class*="legend"] rect, [class*="legend"] text, [class*="legend"] [data-series],'
    + '[class*="legend"] li, [class*="legend"] button, [id*="legend"] *')]
    .find((el) => el.getBoundingClientRect().width > 0);
  if (entry) {
    const b = entry.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, how: 'dom' };
  }
  return null;
}
"""

HIDDEN = """
(how) => {
  if (how === 'Chart.js') {
    for (const c of Object.values(window.Chart.instances)) {
      const type = c.config.type;
      const dataWise = ['pie', 'doughnut', 'polarArea'].includes(type);
      if (dataWise ? !c.getDataVisibility(0) : !c.isDatasetVisible(0)) return true;
    }
    return false;
  }
  if (how === 'ECharts') {
    for (const node of document.querySelectorAll('[_echarts_instance_]')) {
      const legend = window.echarts.getInstanceByDom(node).getOption().legend || [];
      if (legend.some((l) => l.selected && l.selected[window.__benchLegendName] === false)) {
        return true;
      }
    }
    return false;
  }
  if (how === 'Plotly') {
    for (const el of document.querySelectorAll('.js-plotly-plot')) {
      if ((el._fullData || []).some((t) => t.visible === 'legendonly')) return true;
      if (el._fullLayout && (el._fullLayout.hiddenlabels || []).length) return true;
    }
    return false;
  }
  return null;
}
"""

# Visible marks, for a legend that hides its series by styling the DOM.
VISIBLE_MARKS = """
() => [...document.querySelectorAll('svg rect, svg circle, svg path, svg line, svg polyline')]
  .filter((el) => !el.closest('defs, clipPath, mask, [class*="legend"]')
    && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    && Number(getComputedStyle(el).opacity) > 0.3).length
"""

# Everything read once the chart has loaded, in one call: the load event, fonts and frames
# (and Vega views) settled, the DOM and library instances, the computed styles, the counts.
READ = f"""
async ([maxNodes, maxText, maxStyled]) => {{
  await ({LOADED})();
  await ({SETTLE})();
  const out = ({COLLECT})([maxNodes, maxText]);
  out.styles = out.nodes > maxNodes ? null : ({STYLES})(maxStyled);
  out.counts = {{ ...window.__benchCounts }};
  return out;
}}
"""
