// Ribao clerk web form: sign in with a token, fill the unit's daily form, zero report, submit, sign off, history.
// Every value from the server or the user is put into the page with textContent, never as HTML.
(function () {
  'use strict';

  var TEXT = {
    zh: {
      title: '疫情防控日报填报', signOut: '退出', signInTitle: '登录', token: '令牌', signIn: '登录',
      signInHelp: '请输入指挥部办公室发放的令牌(令牌只保存在本浏览器标签页中)。',
      deadlineHint: '报送截止', day: '报告日期', narrative: '情况说明', findings: '督查发现问题', addFinding: '添加问题',
      submit: '提交', zeroReport: '零报告', history: '本单位报送记录', revision: '修订', status: '状态',
      timeliness: '时效', submittedBy: '填报人', signedBy: '签发人', signedAt: '签发时间', signOff: '审核签发',
      SIGNED: '已签发', PENDING_SIGNOFF: '待审核', ON_TIME: '按时', LATE: '迟报', zero: '零报告',
      findingUnit: '单位编号', findingProblem: '问题', findingDue: '整改期限', remove: '删除',
      accepted: '已受理:{unit} {date} 第 {revision} 次报送,状态:{status}', signedOk: '已审核签发:{date} 第 {revision} 次报送,时效:{timeliness}',
      confirmZero: '确认本单位 {date} 无情况,报送零报告?', badToken: '令牌无效,请重新输入。', failed: '操作未成功:',
      noForm: '您的账号不属于需要报送日报的单位,仅可查看。', brokerDown: '系统暂时无法保存,请稍后重试(本次未保存)。',
      unanswered: '网络中断,未收到答复,不能确定是否已保存。请再次点击提交:同一份内容不会重复保存。',
      notANumber: '请填写整数(不要带逗号、空格或单位)', outOfRange: '超出范围({min}–{max})',
      notSent: '有内容需要更正,本次未提交。',
      signedAsDelegate: '(代签)', lang: 'English'
    },
    en: {
      title: 'Daily epidemic-prevention report', signOut: 'Sign out', signInTitle: 'Sign in', token: 'Token',
      signIn: 'Sign in', signInHelp: 'Enter the token the command office gave you (kept in this browser tab only).',
      deadlineHint: 'Due by', day: 'Report date', narrative: 'Narrative', findings: 'Supervision findings',
      addFinding: 'Add finding', submit: 'Submit', zeroReport: 'Zero report', history: 'Reports of my unit',
      revision: 'Revision', status: 'Status', timeliness: 'Timeliness', submittedBy: 'Submitted by',
      signedBy: 'Signed by', signedAt: 'Signed at', signOff: 'Sign off', SIGNED: 'Signed',
      PENDING_SIGNOFF: 'Awaiting sign-off', ON_TIME: 'On time', LATE: 'Late', zero: 'zero report',
      findingUnit: 'Unit id', findingProblem: 'Problem', findingDue: 'Due date', remove: 'Remove',
      accepted: 'Accepted: {unit} {date} revision {revision}, status: {status}',
      signedOk: 'Signed off: {date} revision {revision}, {timeliness}',
      confirmZero: 'File a zero report for {date}: nothing to report?', badToken: 'The token is not valid.',
      failed: 'Not done: ', noForm: 'Your account files no daily report; you can only read.',
      brokerDown: 'The system cannot save right now; nothing was saved, please try again.',
      notANumber: 'Enter a whole number (no commas, spaces or units)', outOfRange: 'Out of range ({min}–{max})',
      notSent: 'Please correct the fields marked; nothing was sent.',
      unanswered: 'No answer came back, so it is not known whether it was saved. Submit again: the same content is never saved twice.',
      signedAsDelegate: ' (delegate)', lang: '中文'
    }
  };

  var lang = sessionStorage.getItem('ribao.lang') || 'zh';
  var me = null;
  var form = null;

  function t(key, values) {
    var text = (TEXT[lang] && TEXT[lang][key]) || TEXT.zh[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split('{' + name + '}').join(values[name]); });
    return text;
  }

  function $(id) { return document.getElementById(id); }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    $('lang').textContent = t('lang');
  }

  function token() { return sessionStorage.getItem('ribao.token'); }

  // idempotencyKey: the server answers a repeated request with the same key with its first answer
  function api(method, path, body, idempotencyKey) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' };
    if (token()) { headers['Authorization'] = 'Bearer ' + token(); }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (idempotencyKey) { headers['Idempotency-Key'] = idempotencyKey; }
    return fetch('/api' + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = { code: 'UNREADABLE', message: text }; }
          if (!response.ok) { var error = new Error((data && data.message) || response.statusText); error.status = response.status; error.body = data; throw error; }
          return data;
        });
      });
  }

  function showMessage(text, ok) {
    var box = $('message');
    box.textContent = text;
    box.className = ok ? 'ok' : '';
    box.hidden = !text;
  }

  function clearErrors() {
    document.querySelectorAll('.error').forEach(function (el) { el.textContent = ''; });
    document.querySelectorAll('.invalid').forEach(function (el) { el.classList.remove('invalid'); });
    showMessage('');
  }

  function fieldId(field) { return 'error-' + field; }

  function showErrors(error) {
    if (error.status === 401) { signOut(); showMessage(t('badToken')); return; }
    if (error.status === 503) { showMessage(t('brokerDown')); return; }
    if (error.status === undefined) { showMessage(t('unanswered')); return; }
    var body = error.body || {};
    var unplaced = [];
    (body.errors || []).forEach(function (fieldError) {
      var slot = document.getElementById(fieldId(fieldError.field));
      if (slot) {
        slot.textContent = fieldError.message;
        var input = slot.dataset.field
          ? slot.parentNode.querySelector('input[data-field="' + slot.dataset.field + '"]')
          : slot.parentNode.querySelector('input, textarea');
        if (input) { input.classList.add('invalid'); }
      } else {
        unplaced.push(fieldError.field + ': ' + fieldError.message);
      }
    });
    showMessage(t('failed') + (body.message || error.message) + (unplaced.length ? ' — ' + unplaced.join('; ') : ''));
  }

  function renderForm() {
    var box = $('metrics');
    // drawn again when the language changes: what the clerk has typed stays
    var typed = {};
    box.querySelectorAll('input').forEach(function (input) { typed[input.name] = input.value; });
    box.textContent = '';
    form.metrics.forEach(function (metric) {
      var row = document.createElement('div');
      row.className = 'row';
      var label = document.createElement('label');
      label.htmlFor = 'metric-' + metric.code;
      label.textContent = metric.name + (metric.required ? ' *' : '');
      var input = document.createElement('input');
      input.type = 'number';
      input.id = 'metric-' + metric.code;
      input.name = metric.code;
      input.min = metric.min;
      if (metric.max !== null && metric.max !== undefined) { input.max = metric.max; }
      input.step = 1;
      input.inputMode = 'numeric';
      if (typed[metric.code] !== undefined) { input.value = typed[metric.code]; }
      var error = document.createElement('span');
      error.className = 'error';
      error.id = fieldId('metrics.' + metric.code);
      var hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = metric.min + ' – ' + (metric.max === null || metric.max === undefined ? '∞' : metric.max);
      row.appendChild(label); row.appendChild(input); row.appendChild(error); error.before(hint);
      box.appendChild(row);
    });
    $('findings-panel').hidden = me.unitKind !== 'SUPERVISION_TEAM';
  }

  function addFinding() {
    var index = $('findings').children.length;
    var row = document.createElement('div');
    row.className = 'finding';
    [['unitId', 'text', 'findingUnit'], ['problem', 'text', 'findingProblem'], ['dueDate', 'date', 'findingDue']].forEach(function (spec) {
      var input = document.createElement('input');
      input.type = spec[1];
      input.placeholder = t(spec[2]);
      input.dataset.field = spec[0];
      input.id = 'finding-' + index + '-' + spec[0];
      row.appendChild(input);
    });
    var remove = document.createElement('button');
    remove.type = 'button'; remove.className = 'secondary'; remove.textContent = t('remove');
    remove.addEventListener('click', function () { row.remove(); });
    row.appendChild(remove);
    ['unitId', 'problem', 'dueDate'].forEach(function (field) {
      var error = document.createElement('span');
      error.className = 'error';
      error.dataset.field = field;
      row.appendChild(error);
    });
    $('findings').appendChild(row);
  }

  // error slots follow the rows' order at submission, which is the order the server numbers findings[i] in
  function numberFindings() {
    document.querySelectorAll('#findings .finding').forEach(function (row, index) {
      row.querySelectorAll('span.error').forEach(function (error) {
        error.id = fieldId('findings[' + index + '].' + error.dataset.field);
      });
    });
  }

  function collectReport(zero) {
    numberFindings();
    var report = { unitId: me.unitId, date: $('day').value, zeroReport: zero };
    if (!zero) {
      report.metrics = {};
      form.metrics.forEach(function (metric) {
        var raw = $('metric-' + metric.code).value.trim();
        if (raw !== '') { report.metrics[metric.code] = Number(raw); }
      });
    }
    var narrative = $('narrative').value.trim();
    if (narrative) { report.narrative = narrative; }
    var findings = [];
    document.querySelectorAll('#findings .finding').forEach(function (row) {
      var finding = {};
      row.querySelectorAll('input').forEach(function (input) { if (input.value.trim()) { finding[input.dataset.field] = input.value.trim(); } });
      if (Object.keys(finding).length) { findings.push(finding); }
    });
    if (findings.length) { report.findings = findings; }
    return report;
  }

  // The Idempotency-Key of the report last sent and not known to be saved: sending the same content again (after an
  // answer lost on the way back) reuses it, so the server answers with the first report instead of filing a second.
  var unsettled = null;

  function keyFor(body) {
    var content = JSON.stringify(body);
    if (!unsettled || unsettled.content !== content) {
      unsettled = { content: content, key: 'web-' + (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()) };
    }
    return unsettled.key;
  }

  // What is wrong with a figure, or null. One the browser cannot read as a number ("1,200" pasted from a spreadsheet)
  // reads as empty, and the service would call a required figure missing; one beyond the metric's limits, or beyond
  // the integers the browser holds exactly (1e20), is out of range, not "not an integer" (decisions 428, 437).
  function figureProblem(metric, input) {
    if (input.validity && input.validity.badInput) { return t('notANumber'); }
    var typed = input.value.trim();
    if (typed === '') { return null; }
    var value = Number(typed);
    var max = metric.max === null || metric.max === undefined ? Number.MAX_SAFE_INTEGER
      : Math.min(metric.max, Number.MAX_SAFE_INTEGER);
    if (value < metric.min || value > max) { return t('outOfRange', { min: metric.min, max: max }); }
    return Number.isInteger(value) ? null : t('notANumber');
  }

  // marks each figure to correct next to its field, so that nothing is sent while one is
  function figuresToCorrect() {
    var marked = [];
    form.metrics.forEach(function (metric) {
      var input = $('metric-' + metric.code);
      var problem = figureProblem(metric, input);
      if (problem) {
        $(fieldId('metrics.' + metric.code)).textContent = problem;
        input.classList.add('invalid');
        marked.push(metric.code);
      }
    });
    return marked;
  }

  function submit(zero) {
    clearErrors();
    if (zero && !window.confirm(t('confirmZero', { date: $('day').value }))) { return; }
    if (!zero && figuresToCorrect().length) { showMessage(t('notSent')); return; }
    var body = collectReport(zero);
    var key = keyFor(body);
    setBusy(true);
    api('POST', '/v1/reports', body, key).then(function (receipt) {
      unsettled = null;
      showResult(t('accepted', { unit: me.unitName, date: receipt.date, revision: receipt.revision, status: t(receipt.status) }));
      loadHistory();
    }).catch(showErrors).then(function () { setBusy(false); });
  }

  // no second submission while one is on its way: a double click files one report
  function setBusy(busy) {
    $('submit').disabled = busy;
    $('zero-report').disabled = busy;
  }

  function showResult(text) {
    var result = $('result');
    result.textContent = text;
    result.hidden = false;
  }

  function signOff(reportId) {
    clearErrors();
    api('POST', '/v1/reports/' + encodeURIComponent(reportId) + '/sign-off').then(function (receipt) {
      showResult(t('signedOk', { date: receipt.date, revision: receipt.revision, timeliness: t(receipt.timeliness) }));
      loadHistory();
    }).catch(showErrors);
  }

  function maySignOn(date) {
    return me.role === 'PRINCIPAL' || (me.role === 'DELEGATE' && me.delegateDates.indexOf(date) >= 0);
  }

  function loadHistory() {
    if (!me.unitId) { return; }
    api('GET', '/v1/reports?unitId=' + encodeURIComponent(me.unitId)).then(function (revisions) {
      var body = document.querySelector('#history tbody');
      body.textContent = '';
      // newest day first, and within a day the newest revision first
      revisions.slice().sort(function (a, b) {
        return a.date === b.date ? b.revision - a.revision : (a.date < b.date ? 1 : -1);
      }).forEach(function (revision) {
        var row = document.createElement('tr');
        row.dataset.reportId = revision.reportId;
        var cells = [revision.date, String(revision.revision) + (revision.zeroReport ? ' · ' + t('zero') : ''),
          t(revision.status), revision.timeliness ? t(revision.timeliness) : '', revision.submittedBy,
          (revision.signedBy || '') + (revision.signer === 'DELEGATE' ? t('signedAsDelegate') : ''),
          revision.signedAt ? revision.signedAt.replace('T', ' ').substring(0, 19) : ''];
        cells.forEach(function (value, index) {
          var cell = document.createElement('td');
          cell.textContent = value;
          if (index === 2) { cell.className = 'status status-' + revision.status; }
          row.appendChild(cell);
        });
        var action = document.createElement('td');
        if (revision.status === 'PENDING_SIGNOFF' && maySignOn(revision.date)) {
          var button = document.createElement('button');
          button.type = 'button'; button.className = 'sign-off'; button.textContent = t('signOff');
          button.addEventListener('click', function () { signOff(revision.reportId); });
          action.appendChild(button);
        }
        row.appendChild(action);
        body.appendChild(row);
      });
      $('history-panel').hidden = false;
    }).catch(showErrors);
  }

  function start() {
    api('GET', '/v1/me').then(function (who) {
      me = who;
      $('sign-in-panel').hidden = true;
      $('sign-out').hidden = false;
      $('who').textContent = who.name + ' · ' + (who.unitName || who.role);
      if (!who.formId) { showMessage(t('noForm'), true); return null; }
      $('unit-name').textContent = who.unitName;
      $('deadline').textContent = who.submissionDeadline.substring(0, 5);
      $('day').value = who.today;
      $('day').max = who.today;
      return api('GET', '/v1/roster/forms/' + encodeURIComponent(who.formId)).then(function (f) {
        form = f;
        $('form-name').textContent = f.name;
        renderForm();
        $('report-panel').hidden = false;
        loadHistory();
      });
    }).catch(function (error) {
      if (error.status === 401) { signOut(); showMessage(t('badToken')); } else { showErrors(error); }
    });
  }

  function signOut() {
    sessionStorage.removeItem('ribao.token');
    me = null;
    unsettled = null;
    ['report-panel', 'history-panel'].forEach(function (id) { $(id).hidden = true; });
    $('result').hidden = true;
    $('sign-in-panel').hidden = false;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('token').value = '';
  }

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('ribao.token', $('token').value.trim());
    clearErrors();
    start();
  });
  $('sign-out').addEventListener('click', function () { signOut(); showMessage(''); });
  $('report-form').addEventListener('submit', function (event) { event.preventDefault(); submit(false); });
  $('zero-report').addEventListener('click', function () { submit(true); });
  $('add-finding').addEventListener('click', addFinding);
  $('lang').addEventListener('click', function () {
    lang = lang === 'zh' ? 'en' : 'zh';
    sessionStorage.setItem('ribao.lang', lang);
    applyLanguage();
    if (me) { if (form) { renderForm(); } loadHistory(); }
  });

  applyLanguage();
  if (token()) { start(); }
}());
