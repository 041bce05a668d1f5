"""The JavaScript run inside a rendered chart: the sandbox set-up, and reading what it drew."""

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
  const runs = window.__benchVega.views().slice(0, 20).map((view) => {
    try { return view.runAsync(); } catch (e) { return null; }
  });
  await Promise.race([Promise.allSettled(runs), later(1000)]);
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

# The part of the viewport the page's content covers, with a margin: where the screenshot is
# taken (a smaller PNG to encode, store and send); null when it covers nearly all of it.
CONTENT_BOX = """
() => {
  const [w, h, pad] = [window.innerWidth, window.innerHeight, 8];
  let box = null;
  for (const el of document.body ? document.body.children : []) {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    box = box ? { l: Math.min(box.l, r.left), t: Math.min(box.t, r.top),
                  r: Math.max(box.r, r.right), b: Math.max(box.b, r.bottom) }
      : { l: r.left, t: r.top, r: r.right, b: r.bottom };
  }
  if (!box) return null;
  const x = Math.max(0, Math.floor(box.l - pad)), y = Math.max(0, Math.floor(box.t - pad));
  const width = Math.min(w, Math.ceil(box.r + pad)) - x;
  const height = Math.min(h, Math.ceil(box.b + pad)) - y;
  if (width < 16 || height < 16 || width * height > 0.9 * w * h) return null;
  return { x, y, width, height };
}
"""

# Everything read once the chart has loaded, in one call: the load event, fonts and frames
# (and Vega views) settled, the DOM and library instances, the computed styles, the counts;
# then, for a screenshot, the style sheet that stills transitions and animations, and the clip.
READ = f"""
async ([maxNodes, maxText, maxStyled, still]) => {{
  await ({LOADED})();
  await ({SETTLE})();
  const out = ({COLLECT})([maxNodes, maxText]);
  out.styles = out.nodes > maxNodes ? null : ({STYLES})(maxStyled);
  out.counts = {{ ...window.__benchCounts }};
  if (still) {{
    const sheet = document.createElement('style');
    sheet.textContent = still;
    (document.head || document.documentElement).append(sheet);
    out.clip = ({CONTENT_BOX})();
  }}
  return out;
}}
"""
