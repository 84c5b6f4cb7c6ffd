// mtl4j run report: builds every chart from window.MTL_REPORT with Apache ECharts (inlined above).
// Each chart is a div.chart holding one ECharts instance; its toolbox saves it as a PNG at 3x.
(function () {
  'use strict';
  var data = window.MTL_REPORT;
  var root = document.getElementById('report');
  var charts = [];
  var HIGHER_IS_BETTER = {accuracy: true, 'macro-f1': true, f1: true, auc: true, r2: true};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function fmt(v) {
    return v === null || v === undefined ? 'n/a' : (Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));
  }

  function section(title, note) {
    var s = el('section', {}, [el('h2', {text: title})]);
    if (note) { s.appendChild(el('p', {'class': 'note', text: note})); }
    var grid = el('div', {'class': 'grid'});
    s.appendChild(grid);
    root.appendChild(s);
    return {section: s, grid: grid};
  }

  function fileName(text) {
    return (data.title + '-' + text).replace(/[^A-Za-z0-9._-]+/g, '_');
  }

  function chart(grid, title, option, wide) {
    var box = el('div', {'class': wide ? 'chart wide' : 'chart', 'data-title': title});
    grid.appendChild(box);
    option.title = {text: title, left: 'center', textStyle: {fontSize: 13}};
    option.toolbox = {right: 8, feature: {saveAsImage: {title: 'PNG', pixelRatio: 3, backgroundColor: '#fff', name: fileName(title)}}};
    option.animation = false;
    var instance = echarts.init(box, null, {renderer: 'canvas'});
    instance.setOption(option);
    charts.push(instance);
    return instance;
  }

  function points(epochs, read) {
    return epochs.map(function (e) { var v = read(e); return [e.epoch, v === undefined ? null : v]; })
        .filter(function (p) { return p[1] !== null; });
  }

  function lineOption(yName, series, best) {
    return {
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null ? 'n/a' : Number(v).toPrecision(5); }},
      legend: {top: 24},
      grid: {top: 60, left: 60, right: 24, bottom: 40},
      xAxis: {type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 24, minInterval: 1},
      yAxis: {type: 'value', name: yName, scale: true},
      series: series.filter(function (s) { return s.data.length > 0; }).map(function (s, i) {
        var line = {type: 'line', name: s.name, data: s.data, showSymbol: s.data.length <= 40, connectNulls: true};
        if (i === 0 && best) {
          line.markLine = {symbol: 'none', silent: true, label: {formatter: 'kept'}, data: [{xAxis: best}]};
        }
        return line;
      })
    };
  }

  function summary() {
    var s = section('Metrics', 'After training, on every split. Lower is better for log-loss, mse and mae.');
    var metricNames = [];
    Object.keys(data.metrics).forEach(function (task) {
      Object.keys(data.metrics[task]).forEach(function (split) {
        Object.keys(data.metrics[task][split]).forEach(function (m) {
          if (metricNames.indexOf(m) < 0) { metricNames.push(m); }
        });
      });
    });
    var head = el('tr', {}, [el('th', {text: 'task'}), el('th', {text: 'split'})].concat(
        metricNames.map(function (m) { return el('th', {text: m}); })));
    var rows = [head];
    Object.keys(data.metrics).forEach(function (task) {
      Object.keys(data.metrics[task]).forEach(function (split) {
        var values = data.metrics[task][split];
        rows.push(el('tr', {}, [el('td', {text: task}), el('td', {text: split})].concat(metricNames.map(function (m) {
          return el('td', {'class': 'num', text: m in values ? fmt(values[m]) : ''});
        }))));
      });
    });
    s.section.insertBefore(el('table', {'class': 'metrics'}, rows), s.grid);
  }

  function taskCurves(task) {
    var h = data.history;
    var s = section('Task ' + task, 'Loss and metrics per epoch. Train metrics are measured after each epoch on a fixed sample of '
        + 'training rows; validation on the validation rows (none when the pipeline has no validation split).');
    var epochs = h.epochs;
    chart(s.grid, task + ': loss', lineOption('loss', [
      {name: 'train', data: points(epochs, function (e) { return (e.tasks[task].train || {}).loss; })},
      {name: 'validation', data: points(epochs, function (e) { return (e.tasks[task].validation || {}).loss; })}
    ], h.bestEpoch));
    var names = [];
    epochs.forEach(function (e) {
      ['train', 'validation'].forEach(function (split) {
        Object.keys(e.tasks[task][split] || {}).forEach(function (m) {
          if (m !== 'loss' && names.indexOf(m) < 0) { names.push(m); }
        });
      });
    });
    names.forEach(function (metric) {
      chart(s.grid, task + ': ' + metric, lineOption(metric, [
        {name: 'train (sample)', data: points(epochs, function (e) { return (e.tasks[task].train || {})[metric]; })},
        {name: 'validation', data: points(epochs, function (e) { return (e.tasks[task].validation || {})[metric]; })}
      ], h.bestEpoch));
    });
    return s;
  }

  function confusion(grid, task, details) {
    var classes = details.classes;
    var cells = [];
    var max = 1;
    details.confusion.forEach(function (row, actual) {
      row.forEach(function (count, predicted) {
        cells.push([predicted, actual, count]);
        max = Math.max(max, count);
      });
    });
    chart(grid, task + ': confusion matrix (' + details.split + ')', {
      tooltip: {formatter: function (p) { return 'actual ' + classes[p.value[1]] + ', predicted ' + classes[p.value[0]] + ': ' + p.value[2]; }},
      grid: {top: 50, left: 90, right: 24, bottom: 90},
      xAxis: {type: 'category', data: classes, name: 'predicted', nameLocation: 'middle', nameGap: 24, splitArea: {show: true}},
      yAxis: {type: 'category', data: classes, name: 'actual', inverse: true, splitArea: {show: true}},
      visualMap: {min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: {color: ['#f7fbff', '#08306b']}},
      series: [{type: 'heatmap', data: cells, label: {show: classes.length <= 12}}]
    });
    if (details.perClass) {
      var rows = [el('tr', {}, ['class', 'precision', 'recall', 'f1', 'support'].map(function (t) { return el('th', {text: t}); }))];
      details.perClass.forEach(function (c) {
        rows.push(el('tr', {}, [el('td', {text: c['class']})].concat(['precision', 'recall', 'f1', 'support'].map(function (k) {
          return el('td', {'class': 'num', text: k === 'support' ? String(c[k]) : fmt(c[k])});
        }))));
      });
      grid.parentNode.appendChild(el('details', {}, [el('summary', {text: task + ': per-class precision and recall (' + details.split + ')'}),
        el('table', {'class': 'metrics'}, rows)]));
    }
  }

  function roc(grid, task, details) {
    chart(grid, task + ': ROC (' + details.split + ', AUC ' + fmt(details.roc.auc) + ')', {
      tooltip: {trigger: 'item'},
      legend: {top: 24},
      grid: {top: 60, left: 60, right: 24, bottom: 40},
      xAxis: {type: 'value', name: 'false positive rate', nameLocation: 'middle', nameGap: 24, min: 0, max: 1},
      yAxis: {type: 'value', name: 'true positive rate', min: 0, max: 1},
      series: [
        {type: 'line', name: task, showSymbol: false, data: details.roc.fpr.map(function (x, i) { return [x, details.roc.tpr[i]]; })},
        {type: 'line', name: 'chance', showSymbol: false, lineStyle: {type: 'dashed'}, data: [[0, 0], [1, 1]]}
      ]
    });
  }

  function scatter(grid, task, details) {
    details.scatter.forEach(function (output) {
      var all = output.actual.concat(output.predicted);
      var lo = Math.min.apply(null, all);
      var hi = Math.max.apply(null, all);
      chart(grid, task + (details.scatter.length > 1 ? ' ' + output.name : '') + ': predicted vs true (' + details.split + ')', {
        tooltip: {trigger: 'item'},
        grid: {top: 50, left: 60, right: 24, bottom: 40},
        xAxis: {type: 'value', name: 'true', nameLocation: 'middle', nameGap: 24, scale: true},
        yAxis: {type: 'value', name: 'predicted', scale: true},
        series: [
          {type: 'scatter', name: 'rows', symbolSize: 4, data: output.actual.map(function (a, i) { return [a, output.predicted[i]]; })},
          {type: 'line', name: 'y = x', showSymbol: false, lineStyle: {type: 'dashed'}, data: [[lo, lo], [hi, hi]]}
        ]
      });
    });
  }

  function heatmap(grid, title, rowNames, columnNames, value, options) {
    var cells = [];
    var lo = Infinity;
    var hi = -Infinity;
    rowNames.forEach(function (r, y) {
      columnNames.forEach(function (c, x) {
        var v = value(r, c);
        if (v !== null && v !== undefined) {
          cells.push([x, y, v]);
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      });
    });
    if (options.symmetric) {
      var m = Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
      lo = -m;
      hi = m;
    }
    chart(grid, title, {
      tooltip: {formatter: function (p) { return rowNames[p.value[1]] + ' / ' + columnNames[p.value[0]] + ': ' + Number(p.value[2]).toPrecision(4); }},
      grid: {top: 50, left: 120, right: 24, bottom: 80},
      xAxis: {type: 'category', data: columnNames, name: options.xName, nameLocation: 'middle', nameGap: 30},
      yAxis: {type: 'category', data: rowNames, name: options.yName, inverse: true},
      visualMap: {min: lo, max: hi, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: {color: options.symmetric ? ['#b2182b', '#f7f7f7', '#2166ac'] : ['#f7fbff', '#08306b']}},
      series: [{type: 'heatmap', data: cells, label: {show: true, formatter: function (p) { return Number(p.value[2]).toFixed(options.digits); }}}]
    }, true);
  }

  function evaluationCharts(task, s) {
    var details = data.evaluation && data.evaluation.tasks[task];
    if (!details) { return; }
    if (details.confusion) { confusion(s.grid, task, details); }
    if (details.roc) { roc(s.grid, task, details); }
    if (details.scatter) { scatter(s.grid, task, details); }
  }

  function training() {
    var h = data.history;
    var s = section('Training', 'Task weights λ_i per epoch (the mean over the epoch\u2019s batches) and learning rates.');
    chart(s.grid, 'task weights', lineOption('λ', h.tasks.map(function (task) {
      return {name: task, data: points(h.epochs, function (e) { return e.tasks[task].weight; })};
    })));
    var groups = Object.keys(h.epochs[0].learningRates || {});
    chart(s.grid, 'learning rates', lineOption('learning rate', groups.map(function (g) {
      return {name: g, data: points(h.epochs, function (e) { return e.learningRates[g]; })};
    })));
  }

  function gates() {
    var g = data.gates;
    var s = section('Gates', 'Mean gate weight of each task on each expert over the ' + g.split + ' rows (mixture-of-experts sharing).');
    var tasks = Object.keys(g.byTask);
    var experts = [];
    tasks.forEach(function (t) { Object.keys(g.byTask[t]).forEach(function (e) { if (experts.indexOf(e) < 0) { experts.push(e); } }); });
    heatmap(s.grid, 'gate weights', tasks, experts, function (t, e) { return g.byTask[t][e]; },
        {xName: 'expert', yName: 'task', digits: 3});
  }

  function transferCurves() {
    var t = data.history;
    var b = data.baselineHistory;
    var s = section('Transfer vs from scratch', 'The same tasks, data, epochs and optimizer: transferred (solid) against '
        + 'trained from random weights (the baseline), per epoch.');
    t.tasks.forEach(function (task) {
      if (b.tasks.indexOf(task) < 0) { return; }
      var split = t.epochs.some(function (e) { return e.tasks[task].validation; }) ? 'validation' : 'train';
      var metric = split === 'validation' ? firstMetric(t.epochs, task, split) : 'loss';
      chart(s.grid, task + ': ' + metric + ' (' + split + ')', lineOption(metric, [
        {name: 'transfer', data: points(t.epochs, function (e) { return (e.tasks[task][split] || {})[metric]; })},
        {name: 'from scratch', data: points(b.epochs, function (e) { return (e.tasks[task][split] || {})[metric]; })}
      ]));
    });
  }

  function firstMetric(epochs, task, split) {
    var values = epochs[0].tasks[task][split] || {};
    var names = Object.keys(values).filter(function (m) { return m !== 'loss'; });
    return names.length ? names[0] : 'loss';
  }

  function comparison(c, title, note) {
    var s = section(title, note);
    var rows = [el('tr', {}, ['task', 'metric', c.labels[0], c.labels[1], 'difference', '95% interval', ''].map(function (x) {
      return el('th', {text: x});
    }))];
    c.tasks.forEach(function (task) {
      task.metrics.forEach(function (m) {
        rows.push(el('tr', {}, [el('td', {text: task.task}), el('td', {text: m.metric}), el('td', {'class': 'num', text: fmt(m.a)}),
          el('td', {'class': 'num', text: fmt(m.b)}), el('td', {'class': 'num', text: fmt(m.difference)}),
          el('td', {'class': 'num', text: fmt(m.low) + ' to ' + fmt(m.high)}), el('td', {text: m.outcome})]));
      });
      rows.push(el('tr', {'class': 'verdict'}, [el('td', {text: task.task}), el('td', {colspan: '6', text: task.verdict})]));
    });
    s.section.insertBefore(el('table', {'class': 'metrics'}, rows), s.grid);
    if (c.deltaM !== undefined && c.deltaM !== null) {
      s.section.insertBefore(el('p', {text: 'Δm (all metrics, LibMTL) = ' + (100 * c.deltaM).toFixed(2) + ' %'
          + (c.deltaMFirst !== undefined ? ';  Δm (first metric of each task) = ' + (100 * c.deltaMFirst).toFixed(2) + ' %' : '')}), s.grid);
    }
    var labels = [];
    var mids = [];
    var bars = [];
    c.tasks.forEach(function (task) {
      task.metrics.forEach(function (m) {
        var sign = HIGHER_IS_BETTER[m.metric] ? 1 : -1;
        labels.push(task.task + ' ' + m.metric);
        var scale = Math.abs(m.b) > 1e-12 ? 100 / Math.abs(m.b) : 0;
        mids.push(sign * m.difference * scale);
        bars.push([labels.length - 1, sign * m.low * scale, sign * m.high * scale].sort(function (x, y) { return x - y; }));
      });
    });
    chart(s.grid, title + ': relative gain (%), better > 0', {
      tooltip: {trigger: 'axis'},
      grid: {top: 50, left: 60, right: 24, bottom: 110},
      xAxis: {type: 'category', data: labels, axisLabel: {rotate: 35}},
      yAxis: {type: 'value', name: '%'},
      series: [
        {type: 'bar', name: 'gain', data: mids},
        {type: 'custom', name: '95% interval', data: bars.map(function (b) { return [b[0], b[1], b[2]]; }),
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            return {type: 'group', children: [
              {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style: {stroke: '#333', lineWidth: 1.5}},
              {type: 'line', shape: {x1: low[0] - 5, y1: low[1], x2: low[0] + 5, y2: low[1]}, style: {stroke: '#333', lineWidth: 1.5}},
              {type: 'line', shape: {x1: high[0] - 5, y1: high[1], x2: high[0] + 5, y2: high[1]}, style: {stroke: '#333', lineWidth: 1.5}}
            ]};
          }}
      ]
    }, true);
  }

  function affinity() {
    var a = data.affinity;
    var s = section('Task affinity', 'Lookahead affinity (Fifty et al. 2021): Z[i][j] = 1 − L_j(after a step on task i) / L_j(before), '
        + 'averaged over ' + a.measurements + ' training steps. Positive: a step on task i lowers task j\u2019s loss. '
        + 'Groups by TAG\u2019s search: each task counts the mean affinity onto it of its best group\u2019s other members.');
    heatmap(s.grid, 'affinity: a step on (row) helps (column)', a.tasks, a.tasks, function (i, j) { return a.matrix[i][j]; },
        {xName: 'task whose loss moves', yName: 'task stepped on', digits: 4, symmetric: true});
    (a.groupings || []).forEach(function (g) {
      var k = g.groups.length;
      s.section.appendChild(el('p', {text: 'Best ' + k + (k === 1 ? ' group: ' : ' groups: ')
          + g.groups.map(function (members) { return '{' + members.join(', ') + '}'; }).join('  ')
          + ' (total affinity onto the tasks ' + fmt(g.score) + ')'}));
    });
  }

  root.appendChild(el('h1', {text: data.title}));
  root.appendChild(el('p', {'class': 'note', text: data.subtitle}));
  summary();
  data.history.tasks.forEach(function (task) {
    var s = taskCurves(task);
    evaluationCharts(task, s);
  });
  training();
  if (data.gates) { gates(); }
  if (data.baselineHistory) { transferCurves(); }
  if (data.transferComparison) {
    comparison(data.transferComparison, 'Transfer vs from scratch: verdict', 'Test metrics of the transferred model and of the baseline; '
        + 'a metric counts as better or worse when its 95% interval excludes 0 (see docs/baselines.md).');
  }
  if (data.baselines) {
    comparison(data.baselines, 'Multi-task vs each task alone', 'Each task trained alone with the same encoder, data, epochs and '
        + 'seeds; a metric counts as better or worse when its 95% interval excludes 0 (see docs/baselines.md).');
  }
  if (data.affinity) { affinity(); }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.MTL_CHARTS = charts.length;
}());
