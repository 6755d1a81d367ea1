/* Draws the county overview's chart with Chart.js from the JSON in the canvas' data-chart attribute: per programme
   and period, percent of the goal (blue bar) against percent of the time (outlined bar), as horizontal bars. No
   inline script: the page's Content-Security-Policy forbids it. Colours as js/dashboard.js (Okabe–Ito). */
(function () {
  'use strict';
  var BLUE = '#0072B2', BLACK = '#1e2b3c';

  function style(ds) {
    var s = { label: ds.label, kind: ds.kind, data: ds.data.map(function (v) { return v === null ? null : Number(v); }) };
    if (ds.kind === 'goal') {
      s.backgroundColor = BLUE; s.borderColor = BLUE; s.borderWidth = 2;
    } else {
      s.backgroundColor = 'rgba(0,0,0,0)'; s.borderColor = BLACK; s.borderWidth = 3;
    }
    return s;
  }

  function percent(v) { return v + ' %'; }

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    // one bar pair per row: the chart grows with the rows (CSSOM, which the CSP allows)
    canvas.parentNode.style.height = Math.max(192, 80 + spec.labels.length * 56) + 'px';
    var max = 100;
    spec.datasets.forEach(function (d) { d.data.forEach(function (v) { if (v !== null && Number(v) > max) { max = Number(v); } }); });
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: spec.labels, datasets: spec.datasets.map(style) },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + percent(c.parsed.x); } } }
        },
        scales: { x: { beginAtZero: true, suggestedMax: max, ticks: { callback: percent } } }
      }
    });
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
    if (!window.Chart) { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
