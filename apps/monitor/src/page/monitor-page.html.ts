// The live page for recruiting ops: one self-contained document (inline CSS
// and vanilla JS, no build step, no CDN). It renders the snapshots that
// /v1/pipeline/stream pushes; values are written with textContent only.

const STYLE = `
:root { --ink:#1d2430; --muted:#5b6575; --line:#dde3ea; --bg:#f5f7fa; --card:#fff; --good:#1a7f4b; --warn:#b7791f; --bad:#c53030; --accent:#2b6cb0; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:12px 24px; align-items:center; justify-content:space-between; padding:14px 24px; background:#1d2430; color:#fff; }
header h1 { font-size:18px; margin:0; font-weight:600; }
header form { display:flex; gap:8px; align-items:center; }
header input { padding:5px 8px; border-radius:4px; border:1px solid #4a5568; background:#2d3748; color:#fff; width:170px; }
header button, .signin button { padding:5px 12px; border:0; border-radius:4px; background:var(--accent); color:#fff; cursor:pointer; }
#status { font-size:12px; color:#cbd5e0; }
#status .dot { display:inline-block; width:8px; height:8px; border-radius:50%; background:#a0aec0; margin-right:6px; }
#status.live .dot { background:#48bb78; } #status.down .dot { background:#f56565; }
main { padding:18px 24px 32px; display:grid; gap:18px; grid-template-columns:repeat(auto-fit,minmax(520px,1fr)); }
section { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
section.wide { grid-column:1/-1; }
section { min-width:0; overflow-x:auto; }
h2 { font-size:13px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:0 0 10px; }
.funnel { display:flex; align-items:stretch; gap:6px; flex-wrap:wrap; }
.stage { flex:1 1 150px; border:1px solid var(--line); border-radius:6px; padding:10px 12px; }
.stage .n { font-size:28px; font-weight:600; }
.stage .label { color:var(--muted); }
.stage .split { margin-top:6px; font-size:12px; color:var(--muted); }
.arrow { align-self:center; text-align:center; font-size:12px; color:var(--muted); min-width:70px; }
.arrow b { display:block; font-size:15px; color:var(--ink); }
table { width:100%; border-collapse:collapse; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); white-space:nowrap; }
th { font-weight:600; color:var(--muted); font-size:12px; white-space:normal; vertical-align:bottom; }
td:first-child { max-width:320px; overflow:hidden; text-overflow:ellipsis; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.ok { color:var(--good); } .warn { color:var(--warn); } .bad { color:var(--bad); font-weight:600; }
.empty { color:var(--muted); font-style:italic; }
.note { color:var(--muted); font-size:12px; margin-top:8px; }
.signin { max-width:420px; margin:80px auto; background:#fff; padding:24px; border-radius:8px; border:1px solid var(--line); }
.signin input { width:100%; padding:8px; margin:8px 0 12px; border:1px solid var(--line); border-radius:4px; }
`;

const SCRIPT = `
(function () {
  var params = new URLSearchParams(location.search);
  var $ = function (id) { return document.getElementById(id); };
  ['agencyId', 'requisitionId'].forEach(function (k) { if (params.get(k)) $(k).value = params.get(k); });

  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function pct(r) { return r === null ? '–' : (r * 100).toFixed(r >= 0.995 || r === 0 ? 0 : 1) + '%'; }
  function dur(ms) {
    if (ms === null || ms === undefined) return '–';
    var s = ms / 1000, m = s / 60, h = m / 60, d = h / 24;
    if (s < 1) return Math.round(ms) + ' ms';
    if (m < 1) return s.toFixed(s < 10 ? 1 : 0) + ' s';
    if (h < 1) return m.toFixed(m < 10 ? 1 : 0) + ' min';
    if (d < 2) return h.toFixed(h < 10 ? 1 : 0) + ' h';
    return d.toFixed(d < 10 ? 1 : 0) + ' days';
  }
  function row(cells, numeric) {
    var tr = el('tr');
    cells.forEach(function (c, i) {
      var td = el('td', typeof c === 'object' && c !== null ? c.text : c, (numeric[i] ? 'num ' : '') + (typeof c === 'object' && c !== null && c.cls ? c.cls : ''));
      tr.appendChild(td);
    });
    return tr;
  }
  function fill(id, rows, emptyText, cols) {
    var body = $(id); body.textContent = '';
    if (rows.length === 0) { var tr = el('tr'); var td = el('td', emptyText, 'empty'); td.colSpan = cols; tr.appendChild(td); body.appendChild(tr); return; }
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function stage(label, n, split) {
    var d = el('div', null, 'stage'); d.appendChild(el('div', n, 'n')); d.appendChild(el('div', label, 'label'));
    if (split) d.appendChild(el('div', split, 'split')); return d;
  }
  function arrow(c) { var a = el('div', null, 'arrow'); a.appendChild(el('b', pct(c.rate))); a.appendChild(el('span', c.reached + ' of ' + c.of)); return a; }
  function conv(s, from, to) { return s.conversion.filter(function (c) { return c.from === from && c.to === to; })[0]; }

  function render(s) {
    var st = s.stages, f = $('funnel'); f.textContent = '';
    f.appendChild(stage('sourced (submissions)', st.sourced));
    f.appendChild(arrow(conv(s, 'sourced', 'screened')));
    f.appendChild(stage('screened', st.screened.total, st.screened.advance + ' advance · ' + st.screened.review + ' review · ' + st.screened.reject + ' reject'));
    f.appendChild(arrow(conv(s, 'screened', 'scored')));
    f.appendChild(stage('scored', st.scored.total, st.scored.advance + ' advance · ' + st.scored.review + ' review · ' + st.scored.reject + ' reject'));
    f.appendChild(arrow(conv(s, 'scored', 'offer decided')));
    f.appendChild(stage('offers decided', st.offers.decided, st.offers.approved + ' approved · ' + st.offers.refused + ' refused (' + st.offers.refusals + ' refusals in all)'));
    $('qualified').textContent = pct(conv(s, 'screened', 'qualified').rate);
    $('approved').textContent = pct(conv(s, 'offer decided', 'offer approved').rate);

    fill('time', s.timeInStage.map(function (t) { return row([t.from + ' → ' + t.to, t.count, dur(t.medianMs), dur(t.p90Ms)], [0, 1, 1, 1]); }), 'no candidates yet', 4);

    var targetMs = s.targets.firstQualifiedDays * 86400000;
    fill('agencies', s.agencies.map(function (a) {
      var t = a.timeToFirstQualified;
      var cls = t.medianMs === null ? '' : (t.medianMs <= targetMs ? 'ok' : 'warn');
      return row([a.agencyId, a.sourced, a.qualified, a.requisitionsQualified + ' / ' + a.requisitions,
        { text: dur(t.medianMs), cls: cls }, dur(t.p90Ms), a.requisitionsWithinTarget + ' / ' + a.requisitionsQualified,
        { text: a.offersRefused, cls: a.offersRefused > 0 ? 'bad' : '' }], [0, 1, 1, 1, 1, 1, 1, 1]);
    }), 'no agency has submitted yet', 8);
    $('target').textContent = s.targets.firstQualifiedDays;

    fill('dlq', s.deadLetters.map(function (d) {
      return row([d.topic.replace(/^recruiting\\./, '').replace(/\\.dlq$/, ''), { text: d.depth, cls: d.depth > 0 ? 'bad' : 'ok' }, d.total], [0, 1, 1]);
    }), 'not read yet', 3);
    fill('lag', s.consumerGroups.map(function (g) {
      return row([g.group, g.state, g.members, { text: g.lag, cls: g.lag > 0 ? 'warn' : 'ok' }], [0, 0, 1, 1]);
    }), 'not read yet', 4);
    $('broker').textContent = s.broker.ok ? '' : 'Broker not answering (' + (s.broker.error || 'unknown') + '): showing the last numbers read.';
    $('updated').textContent = new Date(s.generatedAt).toLocaleTimeString();
    $('scope').textContent = [s.filter.agencyId ? 'agency ' + s.filter.agencyId : '', s.filter.requisitionId ? 'requisition ' + s.filter.requisitionId : ''].filter(Boolean).join(', ') || 'all agencies and requisitions';
  }

  var initial = document.getElementById('initial-snapshot');
  if (initial && initial.textContent) { try { render(JSON.parse(initial.textContent)); } catch (e) { console.error(e); } }

  var query = new URLSearchParams();
  ['agencyId', 'requisitionId'].forEach(function (k) { if (params.get(k)) query.set(k, params.get(k)); });
  var source = new EventSource('/v1/pipeline/stream' + (query.toString() ? '?' + query : ''));
  source.onopen = function () { $('status').className = 'live'; $('state').textContent = 'live'; };
  source.onerror = function () { $('status').className = 'down'; $('state').textContent = 'reconnecting…'; };
  source.onmessage = function (m) { try { render(JSON.parse(m.data)); } catch (e) { console.error(e); } };
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
<header>
  <h1>Tech-lead hiring pipeline · live</h1>
  <form method="get" action="/">
    <input id="agencyId" name="agencyId" placeholder="agency id" autocomplete="off">
    <input id="requisitionId" name="requisitionId" placeholder="requisition id" autocomplete="off">
    <button type="submit">Filter</button>
  </form>
  <div id="status"><span class="dot"></span><span id="state">connecting…</span> · updated <span id="updated">–</span></div>
</header>
<main>
  <section class="wide">
    <h2>Candidates by stage · <span id="scope"></span></h2>
    <div id="funnel" class="funnel"><div class="empty">waiting for the first snapshot…</div></div>
    <div class="note">Screened in (advance or review): <b id="qualified">–</b> of screened candidates · offers approved: <b id="approved">–</b> of offers decided. Arrows: share of the candidates of one stage that reached the next.</div>
  </section>
  <section>
    <h2>Time in stage</h2>
    <table><thead><tr><th>stage</th><th class="num">candidates</th><th class="num">median</th><th class="num">90th percentile</th></tr></thead><tbody id="time"></tbody></table>
  </section>
  <section>
    <h2>Dead letters and consumer lag</h2>
    <table><thead><tr><th>dead-letter topic of</th><th class="num">waiting</th><th class="num">ever</th></tr></thead><tbody id="dlq"></tbody></table>
    <table style="margin-top:12px"><thead><tr><th>consumer group</th><th>state</th><th class="num">members</th><th class="num">lag</th></tr></thead><tbody id="lag"></tbody></table>
    <div id="broker" class="note bad"></div>
  </section>
  <section class="wide">
    <h2>Agencies · time from a requisition's first submission to the agency's first qualified candidate (target <span id="target">3</span> days)</h2>
    <table><thead><tr><th>agency</th><th class="num">submissions sourced</th><th class="num">qualified</th><th class="num">requisitions with a qualified candidate</th><th class="num">median to first qualified</th><th class="num">90th percentile</th><th class="num">within target</th><th class="num">offers refused</th></tr></thead><tbody id="agencies"></tbody></table>
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
    return fetch('/v1/pipeline/session', { method: 'POST', headers: { authorization: 'Bearer ' + token }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 204) { history.replaceState(null, '', location.pathname + location.search); location.reload(); return; }
        msg.textContent = r.status === 401 ? 'That is not the ops token.' : 'Sign-in failed (' + r.status + ').';
      });
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
<body><div class="signin">
  <h1 style="font-size:18px;margin:0 0 8px">Hiring pipeline monitor</h1>
  <p class="note">Recruiting ops only: enter the ops token. The page keeps a session cookie for this browser.</p>
  <form id="signin"><input id="token" type="password" placeholder="ops token" autocomplete="current-password" required><button type="submit">Open the monitor</button></form>
  <div id="msg" class="bad">${message.replace(/[<>&"]/g, '')}</div>
</div><script>${SIGNIN_SCRIPT}</script></body></html>`;
}
