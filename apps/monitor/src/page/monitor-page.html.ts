// The live page for recruiting ops: one self-contained document (inline CSS
// and vanilla JS, charts drawn as plain SVG, no build step, no CDN). It renders
// the snapshots that /v1/pipeline/stream pushes; every value is written with
// textContent (never innerHTML), and the filters live in the URL so a view can
// be shared.

const STYLE = `
:root { --ink:#1a202c; --muted:#4a5568; --line:#d9dee5; --bg:#f4f6f9; --card:#fff; --good:#17693f; --warn:#8a5a00; --bad:#b42318; --accent:#1f5fa8;
  --c1:#1f5fa8; --c2:#17693f; --c3:#b42318; --c4:#7a4fb3; }
* { box-sizing:border-box; }
body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible { outline:3px solid #f6ad55; outline-offset:2px; }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:6px 10px; z-index:9; }
header { display:flex; flex-wrap:wrap; gap:8px 20px; align-items:center; justify-content:space-between; padding:12px 20px; background:#1a202c; color:#fff; }
header h1 { font-size:18px; margin:0; font-weight:600; }
#status { font-size:13px; color:#e2e8f0; }
#status .dot { display:inline-block; width:9px; height:9px; border-radius:50%; background:#a0aec0; margin-right:6px; }
#status.live .dot { background:#48bb78; } #status.down .dot { background:#fc8181; }
.filters { display:flex; flex-wrap:wrap; gap:10px 14px; align-items:flex-end; padding:12px 20px; background:#fff; border-bottom:1px solid var(--line); }
.filters .field { display:flex; flex-direction:column; gap:3px; }
.filters label { font-size:12px; font-weight:600; color:var(--muted); }
.filters select { font:inherit; padding:6px 8px; border:1px solid #a0aec0; border-radius:5px; background:#fff; color:var(--ink); min-width:150px; max-width:280px; }
.filters a { font-size:14px; padding:6px 0; }
main { padding:16px 20px 32px; display:grid; gap:16px; grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr)); }
section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; min-width:0; overflow-x:auto; }
section.wide { grid-column:1/-1; }
h2 { font-size:14px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:0 0 10px; }
h3 { font-size:15px; margin:12px 0 6px; }
.kpis { display:grid; gap:10px; grid-template-columns:repeat(auto-fit,minmax(150px,1fr)); }
.kpi { border:1px solid var(--line); border-radius:6px; padding:10px 12px; }
.kpi .n { font-size:26px; font-weight:650; font-variant-numeric:tabular-nums; }
.kpi .label { color:var(--muted); font-size:13px; }
.charts { display:grid; gap:14px; grid-template-columns:repeat(auto-fit,minmax(min(100%,320px),1fr)); }
figure { margin:0; } figcaption { font-weight:600; font-size:14px; margin-bottom:4px; }
svg text { font:11px system-ui,sans-serif; fill:var(--muted); }
.legend { font-size:12px; color:var(--muted); } .legend i { display:inline-block; width:10px; height:10px; margin:0 4px 0 10px; border-radius:2px; }
table { width:100%; border-collapse:collapse; }
caption { text-align:left; font-size:13px; color:var(--muted); padding-bottom:4px; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); white-space:nowrap; }
th { font-weight:600; color:var(--muted); font-size:12px; white-space:normal; vertical-align:bottom; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
td .sub { display:block; font-size:12px; color:var(--muted); }
.ok { color:var(--good); font-weight:600; } .warn { color:var(--warn); font-weight:600; } .bad { color:var(--bad); font-weight:600; }
.empty { color:var(--muted); font-style:italic; }
.note { color:var(--muted); font-size:13px; margin-top:8px; }
.alert { color:var(--bad); font-size:14px; margin:6px 0; }
code { font:12px ui-monospace,SFMono-Regular,Menlo,monospace; background:#edf2f7; padding:2px 4px; border-radius:3px; white-space:nowrap; }
button { font:inherit; font-size:13px; padding:4px 10px; border:1px solid var(--accent); border-radius:4px; background:#fff; color:var(--accent); cursor:pointer; }
.bench { position:relative; height:14px; background:#edf2f7; border-radius:7px; margin:6px 0 18px; }
.bench .fill { position:absolute; left:0; top:0; bottom:0; border-radius:7px; background:var(--c1); }
.bench .mark { position:absolute; top:-3px; bottom:-3px; width:2px; background:var(--ink); }
.bench .mark span { position:absolute; top:18px; left:-10px; font-size:11px; color:var(--muted); white-space:nowrap; }
.signin { max-width:440px; margin:80px auto; background:#fff; padding:24px; border-radius:8px; border:1px solid var(--line); }
.signin label { font-weight:600; display:block; margin-top:8px; }
.signin input { width:100%; font:inherit; padding:8px; margin:6px 0 12px; border:1px solid #a0aec0; border-radius:4px; }
.signin button { background:var(--accent); color:#fff; padding:8px 14px; }
@media (max-width:600px) { header, .filters, main { padding-left:10px; padding-right:10px; } .filters select { min-width:0; width:100%; max-width:none; } .filters .field { flex:1 1 45%; } }
`;

const SCRIPT = String.raw`
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = 'http://www.w3.org/2000/svg';
  var ROLE = { 'ai-tech-lead': 'AI Tech Lead', 'tech-lead': 'Technical Lead' };
  var LOCATION = { 'us-sf-ny': 'US · SF/NY', 'us-metro': 'US · metro', 'us-remote': 'US · remote', 'uk-london': 'UK · London', 'il-tel-aviv': 'Israel · Tel Aviv' };
  var KEYS = ['agencyId', 'requisitionId', 'role', 'period'];
  var last = null, source = null, dlqOpen = false;

  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function svg(tag, attrs, text) { var e = document.createElementNS(SVGNS, tag); for (var k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; }
  function pct(r) { return r === null || r === undefined ? '–' : Math.round(r * 100) + '%'; }
  function dur(ms) {
    if (ms === null || ms === undefined) return '–';
    var s = ms / 1000, m = s / 60, h = m / 60, d = h / 24;
    if (s < 1) return Math.round(ms) + ' ms';
    if (m < 1) return s.toFixed(s < 10 ? 1 : 0) + ' s';
    if (h < 1) return m.toFixed(m < 10 ? 1 : 0) + ' min';
    if (d < 2) return h.toFixed(h < 10 ? 1 : 0) + ' h';
    if (d < 60) return d.toFixed(d < 10 ? 1 : 0) + ' days';
    return (d / 30.4).toFixed(1) + ' months';
  }
  function shortDur(ms) {
    var m = ms / 60000, h = m / 60, d = h / 24;
    if (ms < 1000) return Math.round(ms) + 'ms'; if (m < 1) return Math.round(ms / 1000) + 's'; if (h < 1) return Math.round(m) + 'm';
    if (d < 2) return h.toFixed(h < 10 ? 1 : 0) + 'h'; if (d < 60) return Math.round(d) + 'd'; return (d / 30.4).toFixed(1) + 'mo';
  }
  function filters() { var p = new URLSearchParams(location.search), f = {}; KEYS.forEach(function (k) { if (p.get(k)) f[k] = p.get(k); }); return f; }
  function query(f) { var q = new URLSearchParams(); KEYS.forEach(function (k) { if (f[k]) q.set(k, f[k]); }); var s = q.toString(); return s ? '?' + s : ''; }
  function link(text, f, label) { var a = el('a', text); a.href = '/' + query(f); if (label) a.setAttribute('aria-label', label); a.addEventListener('click', function (e) { if (e.metaKey || e.ctrlKey) return; e.preventDefault(); navigate(f); }); return a; }

  function names(s) {
    var agencies = {}, reqs = {};
    (s.directory && s.directory.agencies || []).forEach(function (a) { agencies[a.id] = a.name; });
    (s.directory && s.directory.requisitions || []).forEach(function (r) { reqs[r.id] = r; });
    return { agency: function (id) { return agencies[id] || id; }, agencies: agencies, req: function (id) { return reqs[id]; }, reqs: reqs };
  }
  function reqLabel(n, id) { var r = n.req(id); return r ? r.title : id; }
  function reqSub(n, id) { var r = n.req(id); return r ? [ROLE[r.role] || r.role, LOCATION[r.locationTier] || r.locationTier].join(' · ') : 'not known to sourcing'; }

  function cell(content, cls) { var td = el('td', null, cls); if (content && content.nodeType) td.appendChild(content); else td.textContent = content === null || content === undefined ? '–' : String(content); return td; }
  function fill(id, rows, emptyText, cols) {
    var body = $(id); body.textContent = '';
    if (rows.length === 0) { var tr = el('tr'); var td = el('td', emptyText, 'empty'); td.colSpan = cols; tr.appendChild(td); body.appendChild(tr); return; }
    rows.forEach(function (cells) { var tr = el('tr'); cells.forEach(function (c) { tr.appendChild(c); }); body.appendChild(tr); });
  }
  function titled(main, sub) { var f = document.createDocumentFragment(); f.appendChild(main.nodeType ? main : document.createTextNode(main)); f.appendChild(el('span', sub, 'sub')); return f; }
  function decisions(counts) {
    var keys = Object.keys(counts || {}).filter(function (k) { return k !== 'total'; });
    var known = ['advance', 'review', 'needs-interview', 'reject'];
    keys.sort(function (a, b) { var ia = known.indexOf(a), ib = known.indexOf(b); return (ia < 0 ? 9 : ia) - (ib < 0 ? 9 : ib) || a.localeCompare(b); });
    return keys.map(function (k) { return counts[k] + ' ' + k; }).join(' · ');
  }

  function setOptions(select, options, current, allLabel) {
    var seen = {}; select.textContent = '';
    var all = el('option', allLabel); all.value = ''; select.appendChild(all);
    options.forEach(function (o) { if (seen[o.value]) return; seen[o.value] = true; var e = el('option', o.label); e.value = o.value; select.appendChild(e); });
    if (current && !seen[current]) { var e = el('option', current); e.value = current; select.appendChild(e); }
    select.value = current || '';
  }
  function renderFilters(s, n) {
    var f = filters();
    var agencyOptions = Object.keys(n.agencies).map(function (id) { return { value: id, label: n.agencies[id] }; })
      .concat(s.agencies.map(function (a) { return { value: a.agencyId, label: n.agency(a.agencyId) }; }))
      .sort(function (a, b) { return a.label.localeCompare(b.label); });
    setOptions($('f-agency'), agencyOptions, f.agencyId, 'All agencies');
    var reqOptions = (s.directory && s.directory.requisitions || []).map(function (r) { return { value: r.id, label: r.title + ' (' + (LOCATION[r.locationTier] || r.locationTier) + ')' }; })
      .concat(s.requisitions.map(function (r) { return { value: r.requisitionId, label: reqLabel(n, r.requisitionId) }; }))
      .sort(function (a, b) { return a.label.localeCompare(b.label); });
    setOptions($('f-requisition'), reqOptions, f.requisitionId, 'All requisitions');
    $('f-role').value = f.role || ''; $('f-period').value = f.period || 'all';
  }

  // ---- charts (plain SVG) ----
  var W = 360, H = 170, PAD = { l: 46, r: 10, t: 10, b: 24 };
  function axisLabel(at, bucket) { var d = new Date(at); return bucket === 'hour' ? String(d.getUTCHours()).padStart(2, '0') + ':00' : d.toISOString().slice(5, 10); }
  function chart(id, title, points, bucket, series, opts) {
    var fig = $(id); fig.textContent = '';
    fig.appendChild(el('figcaption', title));
    var max = 0;
    points.forEach(function (p) { var sum = 0; series.forEach(function (s) { var v = s.value(p); if (v === null) return; sum = opts.stacked ? sum + v : Math.max(sum, v); }); max = Math.max(max, sum); });
    if (opts.max) max = opts.max; if (max === 0) max = 1;
    // Counts: whole numbers on every gridline (0, max/2, max).
    if (!opts.line) max = Math.max(2, Math.ceil(max / 2) * 2);
    var summary = series.map(function (s) { var vals = points.map(s.value).filter(function (v) { return v !== null; }); var total = vals.reduce(function (a, b) { return a + b; }, 0); return s.label + ': ' + (opts.line ? 'latest ' + (vals.length ? opts.fmt(vals[vals.length - 1]) : 'none') : total + ' in all'); }).join('; ');
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img', 'aria-label': title + ' per ' + bucket + '. ' + summary });
    root.appendChild(svg('title', {}, title + ': ' + summary));
    var iw = W - PAD.l - PAD.r, ih = H - PAD.t - PAD.b, n = Math.max(points.length, 1), bw = iw / n;
    [0, 0.5, 1].forEach(function (g) { var y = PAD.t + ih - g * ih; root.appendChild(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y, y2: y, stroke: '#e2e8f0' })); root.appendChild(svg('text', { x: PAD.l - 4, y: y + 4, 'text-anchor': 'end' }, opts.fmt(max * g))); });
    [0, Math.floor((n - 1) / 2), n - 1].forEach(function (i, k, arr) { if (!points[i] || arr.indexOf(i) !== k) return; root.appendChild(svg('text', { x: PAD.l + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle' }, axisLabel(points[i].at, bucket))); });
    if (opts.line) {
      series.forEach(function (s) {
        var d = '', pen = false;
        points.forEach(function (p, i) { var v = s.value(p); if (v === null) { pen = false; return; } var x = PAD.l + i * bw + bw / 2, y = PAD.t + ih - (v / max) * ih; d += (pen ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1); pen = true; root.appendChild(svg('circle', { cx: x, cy: y, r: 2.5, fill: s.color })); });
        if (d) root.appendChild(svg('path', { d: d, fill: 'none', stroke: s.color, 'stroke-width': 2 }));
      });
    } else {
      points.forEach(function (p, i) {
        var base = 0;
        series.forEach(function (s, k) {
          var v = s.value(p) || 0; if (v <= 0) return;
          var h = (v / max) * ih, x = PAD.l + i * bw + 1 + (opts.stacked ? 0 : k * (bw - 2) / series.length), w = opts.stacked ? bw - 2 : (bw - 2) / series.length;
          var r = svg('rect', { x: x.toFixed(1), y: (PAD.t + ih - h - base).toFixed(1), width: Math.max(w, 1).toFixed(1), height: h.toFixed(1), fill: s.color });
          r.appendChild(svg('title', {}, axisLabel(p.at, bucket) + ' ' + s.label + ': ' + opts.fmt(v)));
          root.appendChild(r); if (opts.stacked) base += h;
        });
      });
    }
    fig.appendChild(root);
    var legend = el('div', null, 'legend');
    series.forEach(function (s) { var i = el('i'); i.style.background = s.color; legend.appendChild(i); legend.appendChild(document.createTextNode(s.label)); });
    fig.appendChild(legend);
  }
  function funnel(s) {
    var st = s.stages, screenedIn = (st.screened.advance || 0) + (st.screened.review || 0);
    var steps = [['Sourced', st.sourced], ['Screened', st.screened.total], ['Screened in', screenedIn], ['Scored', st.scored.total], ['Offer decided', st.offers.decided], ['Offer approved', st.offers.approved]];
    var fig = $('funnel'); fig.textContent = '';
    var max = Math.max(steps[0][1], 1), rowH = 30, w = 360;
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + (steps.length * rowH + 4), width: '100%', role: 'img', 'aria-label': 'Funnel: ' + steps.map(function (x) { return x[0] + ' ' + x[1]; }).join(', ') });
    steps.forEach(function (x, i) {
      var bw = Math.max((x[1] / max) * (w - 190), x[1] > 0 ? 2 : 0), y = i * rowH + 2;
      root.appendChild(svg('text', { x: 0, y: y + 18 }, x[0]));
      root.appendChild(svg('rect', { x: 100, y: y + 4, width: bw.toFixed(1), height: rowH - 10, rx: 3, fill: i === 5 ? 'var(--c2)' : 'var(--c1)' }));
      var prev = i > 0 ? steps[i - 1][1] : null;
      root.appendChild(svg('text', { x: 104 + bw, y: y + 18 }, x[1] + (prev ? ' · ' + pct(x[1] / prev) : '')));
    });
    fig.appendChild(root);
  }

  function benchBar(container, label, ms, marks, maxDays) {
    container.appendChild(el('div', label));
    var bar = el('div', null, 'bench'); bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', label + ': ' + dur(ms) + '; benchmarks ' + marks.map(function (m) { return m[1]; }).join(', '));
    var fill = el('div', null, 'fill'); fill.style.width = Math.min(100, (ms / (maxDays * 86400000)) * 100) + '%'; bar.appendChild(fill);
    marks.forEach(function (m) { var mk = el('div', null, 'mark'); mk.style.left = Math.min(100, (m[0] / maxDays) * 100) + '%'; mk.appendChild(el('span', m[1])); bar.appendChild(mk); });
    container.appendChild(bar);
  }
  function renderRequisition(s, n) {
    var f = filters(), box = $('requisition');
    if (!f.requisitionId) { box.hidden = true; return; }
    box.hidden = false;
    var info = n.req(f.requisitionId), stats = s.requisitions.filter(function (r) { return r.requisitionId === f.requisitionId; })[0];
    $('req-title').textContent = info ? info.title : 'Requisition ' + f.requisitionId;
    var meta = $('req-meta'); meta.textContent = '';
    meta.textContent = info ? [ROLE[info.role] || info.role, LOCATION[info.locationTier] || info.locationTier, info.status, 'opened ' + info.openedAt.slice(0, 10)].join(' · ') : 'Sourcing does not know this requisition id (or did not answer).';
    var b = $('req-bench'); b.textContent = '';
    var now = new Date(s.generatedAt).getTime();
    if (info) {
      var openMs = (info.closedAt ? new Date(info.closedAt).getTime() : now) - new Date(info.openedAt).getTime();
      benchBar(b, 'Open for ' + dur(openMs) + (info.closedAt ? ' (closed)' : ''), openMs,
        [[s.targets.agencyDays.min, '4 wk'], [s.targets.agencyDays.max, '8 wk'], [s.targets.inHouseDays.min, '3 mo'], [s.targets.inHouseDays.max, '5 mo']], s.targets.inHouseDays.max * 1.1);
      b.appendChild(el('div', 'Marks: 4–8 weeks to hire through a specialist agency, 3–5 months in-house (hiring guide).', 'note'));
    }
    var tq = stats ? stats.timeToFirstQualifiedMs : null, target = s.targets.firstQualifiedDays * 86400000;
    var line = el('p', null);
    line.appendChild(document.createTextNode('Time to first qualified candidate: '));
    line.appendChild(el('b', tq === null ? 'none yet' : dur(tq), tq === null ? 'warn' : (tq <= target ? 'ok' : 'warn')));
    line.appendChild(document.createTextNode(' (target ' + s.targets.firstQualifiedDays + ' days' + (info ? ', from the requisition opening' : ', from its first submission') + ')'));
    b.appendChild(line);
    var rows = [];
    if (stats) {
      rows.push([cell('Sourced'), cell(stats.sourced, 'num'), cell('')]);
      rows.push([cell('Screened'), cell(stats.screened.total || 0, 'num'), cell(decisions(stats.screened))]);
      rows.push([cell('Scored'), cell(stats.scored.total || 0, 'num'), cell(decisions(stats.scored))]);
      rows.push([cell('Offers'), cell(stats.offers.approved + stats.offers.refused, 'num'), cell(stats.offers.approved + ' approved · ' + stats.offers.refused + ' refused')]);
    }
    fill('req-stages', rows, 'no candidates on this requisition yet', 3);
  }

  function render(s) {
    last = s;
    var n = names(s), st = s.stages, f = filters();
    renderFilters(s, n);
    var scope = [f.agencyId ? 'agency ' + n.agency(f.agencyId) : '', f.requisitionId ? 'requisition ' + reqLabel(n, f.requisitionId) : '', f.role ? (ROLE[f.role] || f.role) + ' roles' : '', f.period && f.period !== 'all' ? 'last ' + f.period : ''].filter(Boolean).join(' · ');
    $('scope').textContent = scope || 'all agencies, requisitions and roles';
    var screenedIn = (st.screened.advance || 0) + (st.screened.review || 0);
    var dlq = s.deadLetters.reduce(function (a, d) { return a + d.depth; }, 0);
    var lag = s.consumerGroups.reduce(function (a, g) { return a + (g.lag || 0); }, 0);
    var kpis = [['Candidates sourced', st.sourced, ''], ['Screened in', pct(st.screened.total ? screenedIn / st.screened.total : null), screenedIn + ' of ' + st.screened.total + ' screened'],
      ['Offers approved', st.offers.approved, st.offers.refused + ' refused against the floor'], ['Dead letters waiting', dlq, dlq > 0 ? 'bad' : 'ok'], ['Consumer lag', lag, lag > 0 ? 'warn' : 'ok']];
    var k = $('kpis'); k.textContent = '';
    kpis.forEach(function (x, i) { var d = el('div', null, 'kpi'); var num = el('div', x[1], 'n' + (x[2] === 'bad' || x[2] === 'warn' || x[2] === 'ok' ? ' ' + x[2] : '')); d.appendChild(num); d.appendChild(el('div', x[0], 'label')); if (x[2] && ['bad', 'warn', 'ok'].indexOf(x[2]) < 0) d.appendChild(el('div', x[2], 'label'));
      if (i === 3 && dlq > 0) { var a = el('a', 'List them with their reason'); a.href = '#dead-letters'; a.addEventListener('click', function () { dlqOpen = true; loadDeadLetters(); }); d.appendChild(a); }
      k.appendChild(d); });
    funnel(s);

    var t = s.timeline, per = t.bucket;
    $('chart-unit').textContent = per === 'hour' ? 'per hour (UTC), last 24 hours' : per === 'week' ? 'per week (from Monday, UTC)' : 'per day (UTC)';
    chart('chart-arrivals', 'Arrivals (candidates sourced)', t.points, per, [{ label: 'sourced', color: 'var(--c1)', value: function (p) { return p.arrivals; } }], { fmt: function (v) { return String(Math.round(v)); } });
    chart('chart-screened', 'Screened-in rate', t.points, per, [{ label: 'screened in (advance or review)', color: 'var(--c2)', value: function (p) { return p.screenedInRate; } }], { line: true, max: 1, fmt: function (v) { return Math.round(v * 100) + '%'; } });
    chart('chart-offers', 'Offers approved and refused', t.points, per, [{ label: 'approved', color: 'var(--c2)', value: function (p) { return p.offersApproved; } }, { label: 'refused', color: 'var(--c3)', value: function (p) { return p.offersRefused; } }], { stacked: true, fmt: function (v) { return String(Math.round(v)); } });
    var maxMs = Math.max.apply(null, t.points.map(function (p) { return p.toScreening.p90Ms || 0; }).concat([1]));
    chart('chart-time', 'Time from sourced to screened', t.points, per, [{ label: 'median', color: 'var(--c1)', value: function (p) { return p.toScreening.medianMs; } }, { label: '90th percentile', color: 'var(--c4)', value: function (p) { return p.toScreening.p90Ms; } }], { line: true, max: maxMs, fmt: shortDur });

    renderRequisition(s, n);

    var target = s.targets.firstQualifiedDays * 86400000, now = new Date(s.generatedAt).getTime();
    var reqIds = s.requisitions.map(function (r) { return r.requisitionId; });
    var extra = f.agencyId ? [] : (s.directory && s.directory.requisitions || []).filter(function (r) { return r.status === 'open' && reqIds.indexOf(r.id) < 0 && (!f.role || r.role === f.role) && (!f.requisitionId || r.id === f.requisitionId); });
    var reqRows = s.requisitions.map(function (r) {
      var info = n.req(r.requisitionId), tq = r.timeToFirstQualifiedMs;
      var g = Object.assign({}, f, { requisitionId: r.requisitionId });
      return [cell(titled(link(reqLabel(n, r.requisitionId), g, 'Open requisition ' + reqLabel(n, r.requisitionId)), reqSub(n, r.requisitionId))),
        cell(info ? info.status : '–'), cell(info ? dur((info.closedAt ? new Date(info.closedAt).getTime() : now) - new Date(info.openedAt).getTime()) : '–', 'num'),
        cell(r.agencies, 'num'), cell(r.sourced, 'num'), cell(((r.screened.advance || 0) + (r.screened.review || 0)) + ' / ' + (r.screened.total || 0), 'num'), cell(r.scored.total || 0, 'num'),
        cell(r.offers.approved + ' / ' + r.offers.refused, 'num'), cell(tq === null ? 'none yet' : dur(tq), 'num ' + (tq === null ? 'warn' : tq <= target ? 'ok' : 'warn'))];
    }).concat(extra.map(function (r) {
      var g = Object.assign({}, f, { requisitionId: r.id });
      return [cell(titled(link(r.title, g, 'Open requisition ' + r.title), reqSub(n, r.id))), cell(r.status), cell(dur(now - new Date(r.openedAt).getTime()), 'num'), cell(0, 'num'), cell(0, 'num'), cell('0 / 0', 'num'), cell(0, 'num'), cell('0 / 0', 'num'), cell('no submissions', 'num warn')];
    }));
    fill('requisitions', reqRows, 'no requisitions in this view', 9);

    fill('agencies', s.agencies.map(function (a) {
      var tt = a.timeToFirstQualified, cls = tt.medianMs === null ? '' : (tt.medianMs <= target ? 'ok' : 'warn');
      var g = Object.assign({}, f, { agencyId: a.agencyId });
      return [cell(link(n.agency(a.agencyId), g, 'Show only agency ' + n.agency(a.agencyId))), cell(a.sourced, 'num'), cell(a.qualified, 'num'), cell(a.requisitionsQualified + ' / ' + a.requisitions, 'num'),
        cell(dur(tt.medianMs), 'num ' + cls), cell(dur(tt.p90Ms), 'num'), cell(a.requisitionsWithinTarget + ' / ' + a.requisitionsQualified, 'num'), cell(a.offersRefused, 'num' + (a.offersRefused > 0 ? ' bad' : ''))];
    }), 'no agency has submitted in this view', 8);
    $('target').textContent = s.targets.firstQualifiedDays;

    var hooks = (s.directory && s.directory.webhooks || []).filter(function (h) { return !f.agencyId || h.agencyId === f.agencyId; });
    fill('webhooks', hooks.map(function (h) {
      var reasons = h.disabled.map(function (d) { return d.url + ': ' + (d.reason || 'disabled'); }).join('; ');
      return [cell(n.agency(h.agencyId)), cell(h.endpoints, 'num'), cell(h.disabledEndpoints, 'num ' + (h.disabledEndpoints > 0 ? 'bad' : 'ok')), cell(h.pending, 'num' + (h.pending > 0 ? ' warn' : '')),
        cell(h.deliveredLast24h, 'num'), cell(h.failedLast24h, 'num' + (h.failedLast24h > 0 ? ' warn' : '')), cell(h.lastDeliveredAt ? new Date(h.lastDeliveredAt).toLocaleString() : 'never'), cell(reasons || '–')];
    }), s.directory && s.directory.webhooksError ? 'Sourcing did not report webhook health (' + s.directory.webhooksError + ')' : 'no agency has a webhook endpoint in this view', 8);

    fill('time', s.timeInStage.map(function (x) { return [cell(x.from + ' → ' + x.to), cell(x.count, 'num'), cell(dur(x.medianMs), 'num'), cell(dur(x.p90Ms), 'num')]; }), 'no candidates yet', 4);

    fill('dlq', s.deadLetters.map(function (d) {
      return [cell(d.topic.replace(/^recruiting\./, '').replace(/\.dlq$/, '')), cell(d.depth, 'num ' + (d.depth > 0 ? 'bad' : 'ok')), cell(d.total, 'num')];
    }), 'not read yet', 3);
    $('dlq-toggle').hidden = dlq === 0 && !dlqOpen;
    fill('lag', s.consumerGroups.map(function (g) { return [cell(g.group), cell(g.state), cell(g.members, 'num'), cell(g.lag, 'num ' + (g.lag > 0 ? 'warn' : 'ok'))]; }), 'not read yet', 4);
    $('broker').textContent = s.broker.ok ? '' : 'Kafka is not answering (' + (s.broker.error || 'unknown') + '): lag and dead letters are the last numbers read.';
    $('directory').textContent = s.directory && !s.directory.ok ? 'Sourcing did not answer (' + (s.directory.error || 'unknown') + '): agencies and requisitions are shown by id.' : '';
    $('updated').textContent = new Date(s.generatedAt).toLocaleTimeString();
  }

  function loadDeadLetters() {
    var box = $('dlq-list'); box.textContent = 'Reading dead letters…';
    fetch('/v1/pipeline/dead-letters', { credentials: 'same-origin' }).then(function (r) { if (!r.ok) throw new Error('the monitor answered ' + r.status); return r.json(); }).then(function (list) {
      box.textContent = '';
      if (list.error) box.appendChild(el('p', 'Could not read them: ' + list.error, 'alert'));
      if (list.topics.length === 0 && !list.error) box.appendChild(el('p', 'No dead letters waiting.', 'empty'));
      list.topics.forEach(function (t) {
        box.appendChild(el('h3', t.dlqTopic + ' · ' + t.depth + ' waiting' + (t.letters.length < t.depth ? ' (oldest ' + t.letters.length + ' shown)' : '')));
        var table = el('table'), head = el('tr');
        ['failed at', 'reason', 'source', 'replay (after fixing the cause)'].forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
        var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
        var body = el('tbody');
        t.letters.forEach(function (l) {
          var tr = el('tr');
          tr.appendChild(cell(l.failedAt ? l.failedAt.replace('T', ' ').slice(0, 19) : '–'));
          var why = el('span', l.reasonCode, 'bad'); var reason = titled(why, l.errors.length ? l.errors.map(function (e) { return (e.path || '(root)') + ': ' + e.message; }).join('; ') : l.reason);
          tr.appendChild(cell(reason));
          tr.appendChild(cell(titled(l.sourceTopic || '?', 'group ' + (l.consumerGroup || '?') + ', ' + l.attempts + ' attempt(s)')));
          var cmd = document.createDocumentFragment(); cmd.appendChild(el('code', l.replayCommand));
          var copy = el('button', 'Copy'); copy.type = 'button'; copy.setAttribute('aria-label', 'Copy the replay command for ' + l.dlqTopic + ' ' + l.partition + '/' + l.offset);
          copy.addEventListener('click', function () { if (navigator.clipboard) navigator.clipboard.writeText(l.replayCommand).then(function () { copy.textContent = 'Copied'; }, function () { copy.textContent = 'Select and copy'; }); });
          cmd.appendChild(document.createTextNode(' ')); cmd.appendChild(copy);
          tr.appendChild(cell(cmd));
          body.appendChild(tr);
        });
        table.appendChild(body); box.appendChild(table);
      });
    }).catch(function (e) { box.textContent = ''; box.appendChild(el('p', 'Could not read the dead letters: ' + e.message, 'alert')); });
  }

  function connect() {
    if (source) source.close();
    source = new EventSource('/v1/pipeline/stream' + query(filters()));
    source.onopen = function () { $('status').className = 'live'; $('state').textContent = 'live'; };
    source.onerror = function () { $('status').className = 'down'; $('state').textContent = 'reconnecting…'; };
    source.onmessage = function (m) { try { render(JSON.parse(m.data)); } catch (e) { $('state').textContent = 'could not read an update'; } };
  }
  function navigate(f, replace) {
    var url = '/' + query(f);
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    $('status').className = ''; $('state').textContent = 'loading…';
    connect();
  }
  function fromForm() {
    var f = { agencyId: $('f-agency').value, requisitionId: $('f-requisition').value, role: $('f-role').value, period: $('f-period').value === 'all' ? '' : $('f-period').value };
    navigate(f);
  }
  document.querySelector('form.filters').addEventListener('submit', function (e) { e.preventDefault(); fromForm(); });
  ['f-agency', 'f-requisition', 'f-role', 'f-period'].forEach(function (id) { $(id).addEventListener('change', fromForm); });
  $('clear').addEventListener('click', function (e) { e.preventDefault(); navigate({}); });
  window.addEventListener('popstate', function () { connect(); if (last) render(last); });
  $('dlq-toggle').addEventListener('click', function () { dlqOpen = true; loadDeadLetters(); $('dlq-toggle').textContent = 'Refresh the list'; });

  var initial = $('initial-snapshot');
  if (initial && initial.textContent) { try { render(JSON.parse(initial.textContent)); } catch (e) { $('state').textContent = 'could not read the first snapshot'; } }
  if (location.hash === '#dead-letters') { dlqOpen = true; loadDeadLetters(); }
  connect();
})();
`;

/** JSON inside a <script> element: '<' escaped so no value can close the element. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page, painted at once with `initial` (when the snapshot could be computed), then kept live by the stream. */
export function dashboardPage(initial?: unknown): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Hiring pipeline monitor</title><style>${STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to the numbers</a>
<header>
  <h1>Tech-lead hiring pipeline</h1>
  <div id="status" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span><span id="state">connecting…</span> · updated <span id="updated">–</span></div>
</header>
<form class="filters" aria-label="Filters (kept in the address, so a view can be shared)">
  <div class="field"><label for="f-agency">Agency</label><select id="f-agency" name="agencyId"><option value="">All agencies</option></select></div>
  <div class="field"><label for="f-requisition">Requisition</label><select id="f-requisition" name="requisitionId"><option value="">All requisitions</option></select></div>
  <div class="field"><label for="f-role">Role</label><select id="f-role" name="role"><option value="">All roles</option><option value="ai-tech-lead">AI Tech Lead</option><option value="tech-lead">Technical Lead</option></select></div>
  <div class="field"><label for="f-period">Period</label><select id="f-period" name="period"><option value="24h">Last 24 hours</option><option value="7d">Last 7 days</option><option value="30d">Last 30 days</option><option value="90d">Last 90 days</option><option value="all">All time</option></select></div>
  <a id="clear" href="/">Clear filters</a>
</form>
<main id="main">
  <section class="wide" aria-labelledby="h-overview">
    <h2 id="h-overview">Overview · <span id="scope"></span></h2>
    <div id="kpis" class="kpis"><div class="empty">waiting for the first snapshot…</div></div>
    <div id="broker" class="alert" role="alert"></div><div id="directory" class="note"></div>
  </section>
  <section id="requisition" class="wide" aria-labelledby="req-title" hidden>
    <h2 id="req-title">Requisition</h2>
    <div id="req-meta"></div>
    <div id="req-bench"></div>
    <table><caption>Its candidates by stage and decision</caption><thead><tr><th scope="col">stage</th><th scope="col" class="num">candidates</th><th scope="col">by decision</th></tr></thead><tbody id="req-stages"></tbody></table>
  </section>
  <section aria-labelledby="h-funnel">
    <h2 id="h-funnel">Funnel</h2>
    <figure id="funnel"></figure>
    <div class="note">Screened in: advance or review. Each bar: candidates that reached the stage (latest decision), and the share of the stage above.</div>
  </section>
  <section aria-labelledby="h-time">
    <h2 id="h-time">Time in stage</h2>
    <table><thead><tr><th scope="col">stage</th><th scope="col" class="num">candidates</th><th scope="col" class="num">median</th><th scope="col" class="num">90th percentile</th></tr></thead><tbody id="time"></tbody></table>
  </section>
  <section class="wide" aria-labelledby="h-charts">
    <h2 id="h-charts">Over time · <span id="chart-unit"></span></h2>
    <div class="charts"><figure id="chart-arrivals"></figure><figure id="chart-screened"></figure><figure id="chart-offers"></figure><figure id="chart-time"></figure></div>
  </section>
  <section class="wide" aria-labelledby="h-reqs">
    <h2 id="h-reqs">Requisitions</h2>
    <table><thead><tr><th scope="col">requisition</th><th scope="col">status</th><th scope="col" class="num">open for</th><th scope="col" class="num">agencies</th><th scope="col" class="num">sourced</th><th scope="col" class="num">screened in / screened</th><th scope="col" class="num">scored</th><th scope="col" class="num">offers approved / refused</th><th scope="col" class="num">to first qualified</th></tr></thead><tbody id="requisitions"></tbody></table>
  </section>
  <section class="wide" aria-labelledby="h-agencies">
    <h2 id="h-agencies">Agencies · time from a requisition's first submission to the agency's first qualified candidate (target <span id="target">3</span> days)</h2>
    <table><thead><tr><th scope="col">agency</th><th scope="col" class="num">submissions sourced</th><th scope="col" class="num">qualified</th><th scope="col" class="num">requisitions with a qualified candidate</th><th scope="col" class="num">median to first qualified</th><th scope="col" class="num">90th percentile</th><th scope="col" class="num">within target</th><th scope="col" class="num">offers refused</th></tr></thead><tbody id="agencies"></tbody></table>
  </section>
  <section id="webhooks-health" class="wide" aria-labelledby="h-webhooks">
    <h2 id="h-webhooks">Webhooks to agencies · a disabled endpoint waits for ops (or the agency) to enable it</h2>
    <table><thead><tr><th scope="col">agency</th><th scope="col" class="num">endpoints</th><th scope="col" class="num">disabled</th><th scope="col" class="num">waiting</th><th scope="col" class="num">delivered 24 h</th><th scope="col" class="num">failed 24 h</th><th scope="col">last delivered</th><th scope="col">why disabled</th></tr></thead><tbody id="webhooks"></tbody></table>
  </section>
  <section id="dead-letters" class="wide" aria-labelledby="h-dlq">
    <h2 id="h-dlq">Dead letters and consumer lag</h2>
    <table><thead><tr><th scope="col">dead-letter topic of</th><th scope="col" class="num">waiting</th><th scope="col" class="num">ever</th></tr></thead><tbody id="dlq"></tbody></table>
    <p><button type="button" id="dlq-toggle" hidden>List the dead letters with their reason</button></p>
    <div id="dlq-list" aria-live="polite"></div>
    <table style="margin-top:12px"><thead><tr><th scope="col">consumer group</th><th scope="col">state</th><th scope="col" class="num">members</th><th scope="col" class="num">lag</th></tr></thead><tbody id="lag"></tbody></table>
  </section>
</main>
<script id="initial-snapshot" type="application/json">${initial === undefined ? '' : embedJson(initial)}</script>
<script>${SCRIPT}</script>
</body></html>`;
}

const SIGNIN_SCRIPT = `
(function () {
  var form = document.getElementById('signin'), msg = document.getElementById('msg');
  function signIn(token) {
    msg.textContent = '';
    return fetch('/v1/pipeline/session', { method: 'POST', headers: { authorization: 'Bearer ' + token }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 204) { history.replaceState(null, '', location.pathname + location.search); location.reload(); return; }
        msg.textContent = r.status === 401 ? 'That is not the ops token. Check it and try again.' : 'Sign-in failed (the monitor answered ' + r.status + ').';
      }, function () { msg.textContent = 'The monitor did not answer. Is it running?'; });
  }
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) signIn(hash.get('token'));
  form.addEventListener('submit', function (e) { e.preventDefault(); signIn(document.getElementById('token').value); });
})();
`;

/** Shown without a valid session: the token is exchanged for the cookie by a POST with a bearer header (never in a logged URL). */
export function signInPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Hiring pipeline monitor · sign in</title><style>${STYLE}</style></head>
<body><main class="signin">
  <h1 style="font-size:20px;margin:0 0 8px">Hiring pipeline monitor</h1>
  <p class="note">Recruiting ops only. The page keeps a session cookie for this browser; the token itself is never put in an address.</p>
  <form id="signin"><label for="token">Ops token</label><input id="token" name="token" type="password" autocomplete="current-password" required><button type="submit">Open the monitor</button></form>
  <p id="msg" class="alert" role="alert">${message.replace(/[<>&"]/g, '')}</p>
</main><script>${SIGNIN_SCRIPT}</script></body></html>`;
}
