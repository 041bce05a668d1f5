"""The JavaScript that finds what to hover, click or zoom in a rendered chart, and tells
whether the chart answered."""

from __future__ import annotations

FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

# Points (page coordinates) over the chart's first marks, by the library that drew them.
MARKS = """
(series = 1) => {
  const points = [];
  const add = (x, y, how, group = how) => {
    if (Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y, how, group });
  };
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const box = c.canvas.getBoundingClientRect();
        for (let d = 0; d < Math.min(series, c.data.datasets.length); d++) {
          for (const el of c.getDatasetMeta(d).data.slice(0, 3)) {
            const p = el.getCenterPoint ? el.getCenterPoint() : el;
            add(box.left + p.x, box.top + p.y, 'Chart.js', `Chart.js ${c.id} ${d}`);
          }
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
        const model = chart.getModel();
        for (let k = 0; k < Math.min(series, model.getSeriesCount()); k++) {
          const data = model.getSeriesByIndex(k).getData();
          for (let i = 0; i < Math.min(3, data.count()); i++) {
            const l = data.getItemLayout(i);
            if (!l) continue;
            const group = `ECharts ${node.getAttribute('_echarts_instance_')} ${k}`;
            if (Array.isArray(l)) add(box.left + l[0], box.top + l[1], 'ECharts', group);
            else if ('cx' in l) {
              const a = (l.startAngle + l.endAngle) / 2;
              const r = ((l.r0 || 0) + l.r) / 2;
              const [x, y] = [l.cx + r * Math.cos(a), l.cy + r * Math.sin(a)];
              add(box.left + x, box.top + y, 'ECharts', group);
            } else if ('width' in l) {
              add(box.left + l.x + l.width / 2, box.top + l.y + l.height / 2, 'ECharts', group);
            }
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

# Where a Vega scenegraph item is on the page: its bounds are in its group's coordinates.
_VEGA_AT = """
  const vegaAt = (view, item) => {
    const el = view.container() && view.container().querySelector('canvas, svg');
    if (!el || !item.bounds) return null;
    const r = el.getBoundingClientRect();
    // The renderer draws at the origin moved by the padding (an SVG's root translate).
    const [ox, oy] = view.origin();
    const pad = view.padding();
    const [px, py] = typeof pad === 'number' ? [pad, pad] : [pad.left || 0, pad.top || 0];
    let x = r.left + ox + px, y = r.top + oy + py;
    for (let g = item.mark && item.mark.group; g; g = g.mark && g.mark.group) {
      x += g.x || 0; y += g.y || 0;
    }
    const b = item.bounds;
    return { x: x + (b.x1 + b.x2) / 2, y: y + (b.y1 + b.y2) / 2,
             left: x + (item.x || 0), top: y + (item.y || 0) };
  };
  const vegaItems = (view, test) => {
    const found = [];
    const walk = (mark, depth) => {
      if (!mark || depth > 12 || found.length > 5000) return;
      if (test(mark)) found.push(...(mark.items || []).map((item) => [item, mark]));
      for (const item of mark.items || []) for (const child of item.items || []) {
        walk(child, depth + 1);
      }
    };
    walk(view.scenegraph().root, 0);
    return found;
  };
"""

# The first legend entry: where to click, how to tell its series is hidden (``how``), and for
# a legend drawn in the DOM the color of its swatch, to find that series' marks.
LEGEND = (
    """
() => {"""
    + _VEGA_AT
    + """
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
          return { x: box.left + rect.x + rect.width / 2, y: box.top + rect.y + rect.height / 2,
                   how: 'ECharts', name: text };
        }
      }
    }
  } catch (e) {}
  const toggle = document.querySelector('.js-plotly-plot .legend .traces .legendtoggle');
  if (toggle) {
    const b = toggle.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, how: 'Plotly' };
  }
  try {
    for (const view of window.__benchVega.views()) {
      const [first] = vegaItems(view, (m) => m.role === 'legend-symbol');
      const at = first && vegaAt(view, first[0]);
      if (at) return { x: at.x, y: at.y, how: 'Vega' };
    }
  } catch (e) {}
  const entry = [...document.querySelectorAll(
    '[class*="legend"] rect, [class*="legend"] text, [class*="legend"] [data-series],'
    + '[class*="legend"] li, [class*="legend"] button, [id*="legend"] *')]
    .find((el) => el.getBoundingClientRect().width > 0);
  if (!entry) return null;
  const b = entry.getBoundingClientRect();
  // The swatch: the entry or an element in its item that is painted, not text.
  const native = window.__benchNative;
  const item = entry.closest('g, li, button') || entry;
  let color = null;
  const SWATCHES = ['rect', 'circle', 'ellipse', 'path', 'line', 'polygon', 'polyline', 'use'];
  for (const el of [entry, ...item.querySelectorAll('*')]) {
    const cs = native.style(el);
    const svg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    if (svg && !SWATCHES.includes(el.tagName.toLowerCase())) continue;
    const paint = native.get(cs, svg ? 'fill' : 'background-color');
    if (paint && paint !== 'none' && paint !== 'rgba(0, 0, 0, 0)' && !paint.startsWith('url(')) {
      color = paint;
      break;
    }
  }
  return { x: b.left + b.width / 2, y: b.top + b.height / 2, how: 'dom', color };
}
"""
)

# How many marks show now: of the legend entry's color where it has one (DOM legends), in
# the Vega scenegraph for Vega; a faded mark (opacity 0.3 or less) does not show.
SHOWN = (
    """
(entry) => {"""
    + _VEGA_AT
    + """
  if (entry.how === 'Vega') {
    let shown = 0;
    for (const view of window.__benchVega.views()) {
      for (const [item] of vegaItems(view, (m) => m.role === 'mark' && m.marktype !== 'group')) {
        const alpha = (item.opacity ?? 1) * (item.fillOpacity ?? 1);
        if (alpha > 0.3 && item.fill !== 'transparent') shown++;
      }
    }
    return shown;
  }
  const native = window.__benchNative;
  return [...document.querySelectorAll(
    'svg rect, svg circle, svg path, svg line, svg polyline, svg polygon, [data-value]')]
    .filter((el) => !el.closest('defs, clipPath, mask, [class*="legend"], [id*="legend"]')
      && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && Number(native.get(native.style(el), 'opacity')) > 0.3
      && (!entry.color || [native.get(native.style(el), 'fill'),
        native.get(native.style(el), 'stroke')].includes(entry.color))).length;
}
"""
)

# Whether the clicked entry's series is hidden: asked of the library where one drew the
# chart, else by the marks that show; polled over frames, as Plotly waits out a double click.
HIDES = (
    """
async ([entry, before, waitMs]) => {
  const shown = """
    + SHOWN.strip()
    + """;
  const hidden = () => {
    if (entry.how === 'Chart.js') {
      for (const c of Object.values(window.Chart.instances)) {
        const dataWise = ['pie', 'doughnut', 'polarArea'].includes(c.config.type);
        if (dataWise ? !c.getDataVisibility(0) : !c.isDatasetVisible(0)) return true;
      }
      return false;
    }
    if (entry.how === 'ECharts') {
      for (const node of document.querySelectorAll('[_echarts_instance_]')) {
        const legend = window.echarts.getInstanceByDom(node).getOption().legend || [];
        if (legend.some((l) => l.selected && l.selected[entry.name] === false)) return true;
      }
      return false;
    }
    if (entry.how === 'Plotly') {
      for (const el of document.querySelectorAll('.js-plotly-plot')) {
        if ((el._fullData || []).some((t) => t.visible === 'legendonly')) return true;
        if (el._fullLayout && (el._fullLayout.hiddenlabels || []).length) return true;
      }
      return false;
    }
    const now = shown(entry);
    return entry.color ? before > 0 && now <= before / 2 : now < before;
  };
  const deadline = performance.now() + waitMs;
  for (;;) {
    let result = false;
    try { result = hidden(); } catch (e) {}
    if (result || performance.now() > deadline) return result;
    await new Promise((done) => requestAnimationFrame(done));
  }
}
"""
)

# The plot areas to zoom, by the library that drew them: where the wheel turns and the mouse
# drags (page coordinates, at most three).
ZOOM_AREAS = (
    """
() => {"""
    + _VEGA_AT
    + """
  const areas = [];
  const add = (x, y, w, h, how) => {
    if ([x, y, w, h].every(Number.isFinite) && w > 20 && h > 10) areas.push({ x, y, w, h, how });
  };
  try {
    if (window.echarts) {
      for (const node of document.querySelectorAll('[_echarts_instance_]')) {
        const chart = window.echarts.getInstanceByDom(node);
        if (!chart) continue;
        const box = node.getBoundingClientRect();
        const grid = chart.getModel().getComponent('grid', 0);
        const rect = grid && grid.coordinateSystem && grid.coordinateSystem.getRect();
        if (rect) add(box.left + rect.x, box.top + rect.y, rect.width, rect.height, 'ECharts');
        for (const view of chart._componentsViews || []) {
          const model = view && view.__model;
          if (model && model.type === 'dataZoom.slider' && view._location && view._size) {
            add(box.left + view._location.x, box.top + view._location.y,
              view._size[0], view._size[1], 'ECharts slider');
          }
        }
      }
    }
  } catch (e) {}
  try {
    for (const el of document.querySelectorAll('.js-plotly-plot')) {
      const size = el._fullLayout && el._fullLayout._size;
      const box = el.getBoundingClientRect();
      if (size) add(box.left + size.l, box.top + size.t, size.w, size.h, 'Plotly');
    }
  } catch (e) {}
  try {
    if (window.Chart && window.Chart.instances) {
      for (const c of Object.values(window.Chart.instances)) {
        const a = c.chartArea;
        const box = c.canvas.getBoundingClientRect();
        if (a) add(box.left + a.left, box.top + a.top, a.right - a.left, a.bottom - a.top,
          'Chart.js');
      }
    }
  } catch (e) {}
  try {
    for (const view of window.__benchVega.views()) {
      // The plot cells: groups with a size (a view, or a cell of a concat or facet).
      const cells = vegaItems(view, (m) => m.marktype === 'group')
        .filter(([item]) => item.width > 20 && item.height > 20)
        .sort(([a], [b]) => b.width * b.height - a.width * a.height);
      for (const [item] of cells) {
        const at = vegaAt(view, item);
        if (at) add(at.left, at.top, item.width, item.height, 'Vega');
      }
    }
  } catch (e) {}
  const zoomed = [...document.querySelectorAll('svg, svg g, svg rect')].slice(0, 5000)
    .filter((el) => '__zoom' in el);
  for (const el of zoomed) {
    const b = el.getBoundingClientRect();
    add(b.left, b.top, b.width, b.height, 'd3.zoom');
  }
  if (!areas.length) {
    const area = (b) => b.width * b.height;
    const [largest] = [...document.querySelectorAll('svg, canvas')]
      .map((el) => el.getBoundingClientRect()).sort((a, b) => area(b) - area(a));
    if (largest) add(largest.left, largest.top, largest.width, largest.height, 'svg');
  }
  return areas.slice(0, 3);
}
"""
)

# What a zoom or pan changes, by name: dataZoom windows and axis extents (ECharts), axis
# ranges (Plotly), scale bounds (Chart.js), scale domains (Vega), d3.zoom transforms, and in
# any SVG the viewBox and the axis tick labels.
ZOOM_STATE = (
    """
() => {"""
    + _VEGA_AT
    + """
  const state = {};
  const put = (key, value) => { try { state[key] = JSON.stringify(value); } catch (e) {} };
  try {
    if (window.echarts) {
      document.querySelectorAll('[_echarts_instance_]').forEach((node, i) => {
        const chart = window.echarts.getInstanceByDom(node);
        if (!chart) return;
        put(`ECharts ${i} dataZoom`, (chart.getOption().dataZoom || [])
          .map((z) => [z.start, z.end, z.startValue, z.endValue]));
        for (const axis of ['xAxis', 'yAxis']) {
          chart.getModel().eachComponent(axis, (model, k) => {
            if (model.axis) put(`ECharts ${i} ${axis} ${k}`, model.axis.scale.getExtent());
          });
        }
      });
    }
  } catch (e) {}
  try {
    document.querySelectorAll('.js-plotly-plot').forEach((el, i) => {
      for (const [key, axis] of Object.entries(el._fullLayout || {})) {
        if (/^[xy]axis\\d*$/.test(key) && axis) put(`Plotly ${i} ${key}`, axis.range);
      }
    });
  } catch (e) {}
  try {
    if (window.Chart && window.Chart.instances) {
      Object.values(window.Chart.instances).forEach((c, i) => {
        for (const [id, scale] of Object.entries(c.scales || {})) {
          put(`Chart.js ${i} ${id}`, [scale.min, scale.max]);
        }
      });
    }
  } catch (e) {}
  try {
    window.__benchVega.views().forEach((view, i) => {
      for (const name of Object.keys(view._runtime.scales || {})) {
        put(`Vega ${i} scale ${name}`, view.scale(name).domain());
      }
    });
  } catch (e) {}
  [...document.querySelectorAll('svg, svg g, svg rect')].slice(0, 5000)
    .filter((el) => '__zoom' in el)
    .forEach((el, i) => put(`d3.zoom ${i}`, [el.__zoom.k, el.__zoom.x, el.__zoom.y]));
  document.querySelectorAll('svg').forEach((svg, i) => {
    if (svg.hasAttribute('viewBox')) put(`svg ${i} viewBox`, svg.getAttribute('viewBox'));
    const ticks = [...svg.querySelectorAll('.tick text')].slice(0, 200).map((t) => t.textContent);
    if (ticks.length) put(`svg ${i} axis ticks`, ticks);
  });
  return state;
}
"""
)

# Polls, frame by frame, until the zoom state differs from ``before``: the keys that changed.
ZOOM_CHANGED = (
    """
async ([before, waitMs]) => {
  const read = """
    + ZOOM_STATE.strip()
    + """;
  const deadline = performance.now() + waitMs;
  for (;;) {
    const now = read();
    const changed = Object.keys(now).filter((k) => k in before && now[k] !== before[k]);
    if (changed.length || performance.now() > deadline) return changed;
    await new Promise((done) => requestAnimationFrame(done));
  }
}
"""
)

# The marks to hover, with the mutation counter started: one call.
HOVER_MARKS = f"() => {{ ({WATCH.strip()})(); return ({MARKS.strip()})(); }}"

# What shows once two frames have passed (the mouse has just moved), with the native title
# under ``point`` if one is given: one call.
LOOK_AFTER = f"""
async (point) => {{
  await ({FRAME})();
  const look = ({LOOK.strip()})();
  look.title = point ? ({TITLE_AT.strip()})([point.x, point.y]) : '';
  return look;
}}
"""

# Where tooltips live, whose changes are hover's, not a click's: ECharts draws on its canvas
# (compared apart), so the DOM in its container is its tooltip.
_TIPS = '\'[class*="tip" i], [id*="tip" i], .hoverlayer, [_echarts_instance_]\''

# Marks to click: of every series (a click handler may sit on any one), Vega's from its
# scenegraph; and from then on, DOM changes are counted outside tooltips.
CLICK_MARKS = (
    """
() => {"""
    + _VEGA_AT
    + """
  const TIPS = """
    + _TIPS
    + """;
  if (!window.__benchClicks) {
    const counter = { changes: 0 };
    Object.defineProperty(window, '__benchClicks', { value: counter });
    new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        if (el && !el.closest(TIPS)) counter.changes++;
      }
    }).observe(document, { subtree: true, childList: true, attributes: true,
      characterData: true });
  }
  const points = [];
  try {
    for (const view of window.__benchVega.views()) {
      const marks = vegaItems(view, (m) => m.role === 'mark'
        && ['rect', 'symbol', 'arc', 'path', 'shape'].includes(m.marktype));
      for (const [item] of marks.slice(0, 400).filter((_, i) => i % 7 === 0).slice(0, 6)) {
        const at = vegaAt(view, item);
        if (at) points.push({ x: at.x, y: at.y, how: 'Vega' });
      }
    }
  } catch (e) {}
  if (points.length) return points;
  // One mark of each chart and series in turn: the one with the handler comes early.
  const groups = new Map();
  for (const p of ("""
    + MARKS.strip()
    + """)(5)) {
    groups.set(p.group, [...(groups.get(p.group) || []), p]);
  }
  const turns = [];
  for (let i = 0; turns.length < 8 && i < 9; i++) {
    for (const list of groups.values()) if (list[i] && turns.length < 8) turns.push(list[i]);
  }
  return turns;
}
"""
)

# What a click may change: the text that shows (tooltips aside), the DOM outside tooltips,
# each canvas's pixels (sampled), and Vega's signals.
_CLICK_STATE = (
    """
  const TIPS = """
    + _TIPS
    + """;
  const state = () => {
    const out = {};
    const seen = [];
    const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
    for (let n = 0; walker.nextNode() && n < 20000; n++) {
      const el = walker.currentNode.parentElement;
      const t = walker.currentNode.nodeValue.trim();
      if (t && el && !el.closest(TIPS)
          && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) seen.push(t);
    }
    out.text = seen.join('|');
    out.dom = String(window.__benchClicks ? window.__benchClicks.changes : 0);
    [...document.querySelectorAll('canvas')].slice(0, 6).forEach((canvas, i) => {
      try {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const step = Math.max(4, Math.floor(data.length / 40000) * 4);
        let h = 0;
        for (let k = 0; k < data.length; k += step) {
          h = (h * 31 + data[k] + data[k + 1] * 3 + data[k + 2] * 7 + data[k + 3]) >>> 0;
        }
        out[`canvas ${i}`] = String(h);
      } catch (e) {}
    });
    try {
      window.__benchVega.views().forEach((view, i) => {
        for (const name of Object.keys(view._runtime.signals || {}).slice(0, 300)) {
          try {
            out[`Vega ${i} signal ${name}`] = JSON.stringify(view.signal(name)).slice(0, 500);
          } catch (e) {}
        }
      });
    } catch (e) {}
    return out;
  };
  const frames = """
    + FRAME
    + """;
"""
)

# The state once it has held still for ``stillMs`` (a library may start a hover animation
# a few frames after the mouse moved), waiting at most ``waitMs``; the parts that never held
# still (an endless animation) are left out of the comparison.
CLICK_SETTLED = (
    """
async ([stillMs, waitMs]) => {"""
    + _CLICK_STATE
    + """
  const start = performance.now();
  let before = state(), since = start, moving = [];
  for (;;) {
    await frames();
    const now = state(), at = performance.now();
    const changed = Object.keys(now).filter((k) => now[k] !== before[k]);
    if (changed.length) {
      since = at;
      moving = [...new Set([...moving, ...changed])];
    }
    if (at - since >= stillMs) return { state: now, moving: [] };
    if (at - start > waitMs) return { state: now, moving };
    before = now;
  }
}
"""
)

# Polls until the state differs from ``settled`` outside its moving parts: what changed.
CLICK_CHANGED = (
    """
async ([settled, waitMs]) => {"""
    + _CLICK_STATE
    + """
  const deadline = performance.now() + waitMs;
  for (;;) {
    await frames();
    const now = state();
    const changed = Object.keys(now).filter((k) => !settled.moving.includes(k)
      && k in settled.state && now[k] !== settled.state[k]);
    if (changed.length || performance.now() > deadline) return changed;
  }
}
"""
)
