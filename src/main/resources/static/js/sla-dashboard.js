// Draws the supervisor dashboard's charts with ECharts from the JSON the page embeds. The tables beside each
// chart hold the same figures, so the page reads fully without script.
(function () {
  'use strict';
  var source = document.getElementById('sla-chart-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var labels = data.labels || {};
  var colours = {ON_TRACK: '#198754', DUE_SOON: '#ffc107', OVERDUE: '#dc3545', clockStopped: '#6c757d'};

  function rateBars(rows) {
    // a group where nothing closed has no rate (-1): it is left out of the chart, the table says so
    var shown = rows.filter(function (row) { return row.rate >= 0; });
    return {
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v + '%'; }},
      grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
      xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
      yAxis: {type: 'category', inverse: true, data: shown.map(function (row) { return row.name; })},
      series: [{name: labels.onTimeRate, type: 'bar', data: shown.map(function (row) { return row.rate; }),
        label: {show: true, position: 'right', formatter: '{c}%'}, itemStyle: {color: '#0d6efd'}}]
    };
  }

  function openPie(counts) {
    var keys = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'clockStopped'];
    return {
      tooltip: {trigger: 'item'},
      legend: {bottom: 0},
      series: [{type: 'pie', radius: ['40%', '70%'], label: {formatter: '{b}: {c}'},
        data: keys.map(function (key, i) {
          return {name: labels[key], value: counts[i], itemStyle: {color: colours[key]}};
        })}]
    };
  }

  function trendLine(points) {
    return {
      tooltip: {trigger: 'axis'},
      grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: points.map(function (p) { return p.day; })},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: labels.breaches, type: 'line', data: points.map(function (p) { return p.breaches; }),
        itemStyle: {color: colours.OVERDUE}, areaStyle: {opacity: 0.15}}]
    };
  }

  var options = {
    byService: function () { return rateBars(data.byService); },
    byDistrict: function () { return rateBars(data.byDistrict); },
    bySteps: function () { return rateBars(data.bySteps); },
    open: function () { return openPie(data.open); },
    trend: function () { return trendLine(data.trend); }
  };

  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var option = options[element.getAttribute('data-chart')];
    if (option) {
      var chart = echarts.init(element);
      chart.setOption(option());
      charts.push(chart);
    }
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
