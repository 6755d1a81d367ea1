/* Draws the dashboard charts with Chart.js from the JSON in each canvas' data-chart attribute.
   No inline script: the page's Content-Security-Policy forbids it. Colours from the Okabe–Ito
   palette (safe for colour-blind readers); pending is also hatched, the target is a dashed line. */
(function () {
  'use strict';
  var BLUE = '#0072B2', ORANGE = '#E69F00', BLACK = '#1e2b3c';

  function hatch(colour) {
    var c = document.createElement('canvas');
    c.width = 8; c.height = 8;
    var g = c.getContext('2d');
    g.fillStyle = '#fff4d6'; g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour; g.lineWidth = 2;
    g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.moveTo(-2, 2); g.lineTo(2, -2); g.moveTo(6, 10); g.lineTo(10, 6); g.stroke();
    return g.createPattern(c, 'repeat');
  }

  function style(ds, type) {
    var s = { label: ds.label, data: ds.data.map(function (v) { return v === null ? null : Number(v); }), kind: ds.kind };
    if (ds.kind === 'counted') {
      s.backgroundColor = BLUE; s.borderColor = BLUE; s.borderWidth = 2;
      if (type === 'line') { s.fill = 'origin'; s.backgroundColor = 'rgba(0,114,178,0.25)'; s.pointRadius = 0; s.order = 2; }
    } else if (ds.kind === 'pending') {
      s.backgroundColor = hatch(ORANGE); s.borderColor = ORANGE; s.borderWidth = 2;
      if (type === 'line') { s.fill = '-1'; s.pointRadius = 0; s.borderDash = [2, 2]; s.order = 3; }
    } else {
      s.borderColor = BLACK; s.backgroundColor = BLACK; s.borderDash = [6, 4]; s.borderWidth = 2;
      s.pointRadius = 0; s.fill = false; s.order = 1;
      if (type === 'bar') { s.backgroundColor = 'rgba(0,0,0,0)'; s.borderDash = undefined; s.borderWidth = 3; s.order = 0; }
    }
    return s;
  }

  var todayLine = {
    id: 'todayLine',
    afterDatasetsDraw: function (chart) {
      var i = chart.config.options.todayIndex;
      if (i === undefined || i < 0) { return; }
      var x = chart.scales.x.getPixelForValue(i), area = chart.chartArea, g = chart.ctx;
      g.save();
      g.strokeStyle = '#c22020'; g.lineWidth = 2; g.setLineDash([4, 3]);
      g.beginPath(); g.moveTo(x, area.top); g.lineTo(x, area.bottom); g.stroke();
      g.setLineDash([]); g.fillStyle = '#9b1717'; g.font = 'bold 12px system-ui, sans-serif';
      g.textAlign = x > area.right - 40 ? 'right' : 'left';
      g.fillText(chart.config.options.todayLabel || '', x + (g.textAlign === 'right' ? -4 : 4), area.top + 12);
      g.restore();
    }
  };

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = spec.datasets.map(function (d) { return style(d, spec.type); });
    // Drawn at twice the pixel density at least, so that the same image is sharp on paper: the print stylesheet
    // fits it into the chart's print box. It is not redrawn for printing: Chromium records a canvas drawn while
    // printing as drawing commands, which puts the chart's labels among the page's text and its hatching into
    // hundreds of small tiles (docs/dashboard.md, "Reports on paper").
    var options = {
      responsive: true, maintainAspectRatio: false, animation: false,
      devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true } },
      todayIndex: spec.todayIndex, todayLabel: spec.todayLabel
    };
    if (spec.type === 'bar' && spec.labels.length > 5) { options.indexAxis = 'x'; }
    new window.Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options, plugins: [todayLine] });
    canvas.setAttribute('data-drawn', 'true');
  }

  function toggles() {
    document.querySelectorAll('.chart-toggle').forEach(function (b) {
      b.addEventListener('click', function () {
        var t = document.getElementById(b.getAttribute('aria-controls'));
        var open = b.getAttribute('aria-expanded') === 'true';
        t.classList.toggle('visually-hidden', open);
        b.setAttribute('aria-expanded', open ? 'false' : 'true');
        b.textContent = open ? b.getAttribute('data-show') : b.getAttribute('data-hide');
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    toggles();
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
