{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回本單位教師帳號管理</a></p>
<h1>{{NAME}}</h1>
<dl class="facts">
  <div><dt>身分證字號</dt><dd>{{MASKED_ID}}</dd></div>
  <div><dt>服務單位</dt><dd>{{UNIT}}</dd></div>
  <div><dt>在職狀態</dt><dd id="employment-status" data-employment="{{EMPLOYMENT_CODE}}">{{EMPLOYMENT}}</dd></div>
  {{#HAS_NOTE}}<div><dt>教師看到的說明</dt><dd id="employment-note">{{NOTE}}</dd></div>{{/HAS_NOTE}}
</dl>

{{#FED}}<p class="notice" id="fed-message">{{FED_MESSAGE}}</p>{{/FED}}

{{#PROFILE}}
<section aria-labelledby="profile-heading">
<h2 id="profile-heading">職位類別、職稱與任教科目</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" id="profile" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="position">職位類別</label>
    <select id="position" name="position"{{#POSITION_INVALID}} aria-describedby="position-error" aria-invalid="true"{{/POSITION_INVALID}}>
      {{#POSITION_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/POSITION_OPTION}}
    </select>{{>POSITION_ERROR}}</div>
  <div class="field"><label for="title_name">職稱</label><input id="title_name" name="title_name" type="text" maxlength="30" value="{{TITLE_NAME}}"{{#TITLE_NAME_INVALID}} aria-describedby="title_name-error" aria-invalid="true"{{/TITLE_NAME_INVALID}}>{{>TITLE_NAME_ERROR}}</div>
  <div class="field"><label for="subject">任教科目</label><input id="subject" name="subject" type="text" maxlength="60" value="{{SUBJECT}}"{{#SUBJECT_INVALID}} aria-describedby="subject-error" aria-invalid="true"{{/SUBJECT_INVALID}}>{{>SUBJECT_ERROR}}</div>
  <div class="actions"><button type="submit">儲存</button></div>
</form>
</section>
{{/PROFILE}}

{{#DEPARTURE}}
<section aria-labelledby="departure-heading">
<h2 id="departure-heading">離職、轉校、退休、未續聘、停職</h2>
<p class="hint" id="departure-hint">登錄後這個帳號立即只能查詢研習紀錄（不能報名），教師已登入的連線也會結束；轉校或離職的教師，新學校可以再以教師資料登錄加入。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" id="departure" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset class="field" id="employment"><legend>異動</legend>
    {{#EMPLOYMENT_OPTION}}<label class="inline-choice"><input type="radio" name="employment" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/EMPLOYMENT_OPTION}}
    {{>EMPLOYMENT_ERROR}}
  </fieldset>
  <div class="field"><label for="on">異動日期</label><input id="on" name="on" type="date" max="{{TODAY}}" value="{{ON}}"{{#ON_INVALID}} aria-describedby="on-error" aria-invalid="true"{{/ON_INVALID}}>{{>ON_ERROR}}</div>
  <div class="actions"><button type="submit" aria-describedby="departure-hint">登錄異動</button></div>
</form>
</section>
{{/DEPARTURE}}

<section aria-labelledby="changes-heading">
<h2 id="changes-heading">異動紀錄</h2>
{{#NO_CHANGES}}<p class="empty">還沒有在這裡做過任何變更。</p>{{/NO_CHANGES}}
<div class="table-wrap">
<table class="changes stack">
  <caption class="visually-hidden">這位教師的資料異動紀錄</caption>
  <thead><tr><th scope="col">時間</th><th scope="col">由誰</th><th scope="col">做了什麼</th><th scope="col">內容</th></tr></thead>
  <tbody>
  {{#CHANGE}}<tr><td data-label="時間">{{AT}}</td><td data-label="由誰">{{WHO}}</td><td data-label="做了什麼">{{ACTION}}</td><td data-label="內容">{{DETAIL}}</td></tr>{{/CHANGE}}
  </tbody>
</table>
</div>
</section>
