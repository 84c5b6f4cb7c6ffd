// mtl4j tune: draws window.MTL_TUNING (tuning.json) with Apache ECharts (inlined above): each trial's
// objective on the validation rows by rung, then the objective against each searched key.
(function () {
  'use strict';
  var data = window.MTL_TUNING;
  var root = document.getElementById('report');

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function chart(grid, title, option) {
    var box = el('div', {'class': 'chart', 'data-title': title});
    grid.appendChild(box);
    option.title = {text: title, left: 'center', textStyle: {fontSize: 13}};
    option.toolbox = {right: 8, feature: {saveAsImage: {title: 'PNG', pixelRatio: 3, backgroundColor: '#fff',
      name: (data.pipeline + '-' + title).replace(/[^A-Za-z0-9._-]+/g, '_')}}};
    option.animation = false;
    option.grid = {top: 60, left: 60, right: 24, bottom: 48};
    option.tooltip = {trigger: 'item'};
    echarts.init(box, null, {renderer: 'canvas'}).setOption(option);
  }

  var scored = data.trials.filter(function (t) { return t.objective !== null; });
  var rungs = [];
  scored.forEach(function (t) { if (rungs.indexOf(t.rung) < 0) { rungs.push(t.rung); } });
  rungs.sort();

  root.appendChild(el('h1', {}, 'mtl tune: ' + data.pipeline));
  root.appendChild(el('p', {'class': 'note'}, data.method + ' search, ' + data.configurations + ' configurations, '
      + data.trials.length + ' trials; objective on the validation rows: ' + data.objective
      + (data.higherIsBetter ? ' (higher is better)' : ' (lower is better)') + '; best: trial ' + data.best.trial
      + ' (' + Number(data.best.objective).toPrecision(4) + ')'));
  var grid = el('div', {'class': 'grid'});
  root.appendChild(grid);

  chart(grid, 'objective of each trial', {
    legend: {top: 24},
    xAxis: {type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26, minInterval: 1},
    yAxis: {type: 'value', name: 'objective', scale: true},
    series: rungs.map(function (r) {
      return {name: 'rung ' + r + ' (' + scored.filter(function (t) { return t.rung === r; })[0].epochs + ' epochs)',
        type: 'scatter', data: scored.filter(function (t) { return t.rung === r; }).map(function (t) { return [t.trial, t.objective]; })};
    })
  });

  var last = rungs.length ? rungs[rungs.length - 1] : 0;
  data.space.forEach(function (d) {
    var first = scored.filter(function (t) { return t.rung === 0; });
    var numeric = d.kind !== 'choice';
    var points = first.map(function (t) {
      var v = t.values[d.key];
      return [numeric ? Number(v) : v, t.objective];
    });
    chart(grid, 'objective vs ' + d.key, {
      xAxis: numeric ? {type: d.kind === 'logUniform' ? 'log' : 'value', name: d.key, nameLocation: 'middle', nameGap: 26, scale: true}
          : {type: 'category', data: d.choices, name: d.key, nameLocation: 'middle', nameGap: 26},
      yAxis: {type: 'value', name: 'objective', scale: true},
      series: [{type: 'scatter', name: 'rung 0', data: points}]
    });
  });
  if (last > 0) {
    root.appendChild(el('p', {'class': 'note'}, 'The key charts show rung 0, where every configuration trained equally long.'));
  }
})();
