{{%AUTOESCAPE context="HTML"}}<p><a href="{{COURSE_URL}}">回課程頁面</a></p>
<h1>線上報名設定</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}｜第一場次 {{FIRST_DATE}}｜開班總人數 {{TOTAL_SEATS}} 人｜目前已占用 {{SEATS_HELD}} 名</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" class="settings-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>報名期間與名額</legend>
    <div class="field checkbox"><input id="enrol_online" name="enrol_online" type="checkbox" value="1"{{#ENROL_ONLINE_CHECKED}} checked{{/ENROL_ONLINE_CHECKED}}><label for="enrol_online">提供線上報名</label></div>
    <div class="field"><label for="enrol_opens">開放報名時間</label>
      <input id="enrol_opens" name="enrol_opens" type="datetime-local" value="{{ENROL_OPENS}}"{{#ENROL_OPENS_INVALID}} aria-describedby="enrol_opens-error" aria-invalid="true"{{/ENROL_OPENS_INVALID}}>{{>ENROL_OPENS_ERROR}}</div>
    <div class="field"><label for="enrol_closes">報名截止時間（最晚為開課前一天）</label>
      <input id="enrol_closes" name="enrol_closes" type="datetime-local" value="{{ENROL_CLOSES}}"{{#ENROL_CLOSES_INVALID}} aria-describedby="enrol_closes-error" aria-invalid="true"{{/ENROL_CLOSES_INVALID}}>{{>ENROL_CLOSES_ERROR}}</div>
    <div class="field"><label for="online_seats">可線上報名人數（其餘名額保留給校內批次報名）</label>
      <input id="online_seats" name="online_seats" type="text" inputmode="numeric" value="{{ONLINE_SEATS}}"{{#ONLINE_SEATS_INVALID}} aria-describedby="online_seats-error" aria-invalid="true"{{/ONLINE_SEATS_INVALID}}>{{>ONLINE_SEATS_ERROR}}</div>
  </fieldset>
  <fieldset>
    <legend>名額分配方式</legend>
    {{#MODE_OPEN}}<fieldset class="field" id="seat_mode"><legend>名額如何分配（開放報名後不能變更）</legend>
      {{#MODE_OPTION}}<label class="inline-choice"><input type="radio" name="seat_mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/MODE_OPTION}}
      {{>SEAT_MODE_ERROR}}</fieldset>
    <div class="field"><label for="draw_at">抽籤時間（選抽籤時必填：晚於開放報名，最晚為報名截止時間）</label>
      <input id="draw_at" name="draw_at" type="datetime-local" value="{{DRAW_AT}}"{{#DRAW_AT_INVALID}} aria-describedby="draw_at-error" aria-invalid="true"{{/DRAW_AT_INVALID}}>{{>DRAW_AT_ERROR}}</div>
    <p class="hint">抽籤：開放報名至抽籤時間之間的報名一同抽籤，報名先後不影響結果，今年無「報名但未參與」者優先；抽籤後依先到先得遞補空額與候補。選定抽籤時即固定隨機種子，研習頁面先公布其雜湊，抽籤時公布種子供驗算。</p>{{/MODE_OPEN}}
    {{#MODE_FIXED}}<p id="seat_mode">{{MODE}}{{#LOTTERY}}，抽籤時間 {{DRAW_AT}}{{/LOTTERY}}（已開放報名，不能變更）。</p>{{>SEAT_MODE_ERROR}}{{/MODE_FIXED}}
  </fieldset>
  <fieldset>
    <legend>審核方式</legend>
    <div class="field checkbox"><input id="auto_review" name="auto_review" type="checkbox" value="1"{{#AUTO_REVIEW_CHECKED}} checked{{/AUTO_REVIEW_CHECKED}}><label for="auto_review">自動審核（名額內先報先錄取）</label></div>
    <fieldset class="field" id="auto_review_scope"><legend>自動審核的對象（其他報名者由承辦人審核）</legend>
      {{#SCOPE_OPTION}}<label class="inline-choice"><input type="radio" name="auto_review_scope" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/SCOPE_OPTION}}
      {{>AUTO_REVIEW_SCOPE_ERROR}}</fieldset>
  </fieldset>
  <fieldset>
    <legend>報名資格（都不勾選表示不限）</legend>
    <fieldset class="field" id="eligible_levels"><legend>學校層級</legend>
      {{#LEVEL_OPTION}}<label class="inline-choice"><input type="checkbox" name="eligible_levels" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/LEVEL_OPTION}}
      {{>ELIGIBLE_LEVELS_ERROR}}</fieldset>
    <fieldset class="field" id="eligible_positions"><legend>職位類別</legend>
      {{#POSITION_OPTION}}<label class="inline-choice"><input type="checkbox" name="eligible_positions" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/POSITION_OPTION}}
      {{>ELIGIBLE_POSITIONS_ERROR}}</fieldset>
    <fieldset class="field" id="eligible_counties"><legend>縣市</legend>
      {{#COUNTY_OPTION}}<label class="inline-choice"><input type="checkbox" name="eligible_counties" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/COUNTY_OPTION}}
      {{>ELIGIBLE_COUNTIES_ERROR}}</fieldset>
    <div class="field">
      <label for="eligible_units">學校（學校代碼，以逗號或空白分隔）</label>
      <input id="eligible_units" name="eligible_units" type="text" maxlength="1000" value="{{ELIGIBLE_UNITS}}"{{#ELIGIBLE_UNITS_INVALID}} aria-describedby="eligible_units-error" aria-invalid="true"{{/ELIGIBLE_UNITS_INVALID}}>
      {{>ELIGIBLE_UNITS_ERROR}}
    </div>
  </fieldset>
  <fieldset>
    <legend>報名所需額外資訊</legend>
    <div class="table-wrap">
    <table class="stack">
      <caption class="visually-hidden">每一項資訊是否詢問</caption>
      <thead><tr><th scope="col">資訊</th><th scope="col">填寫方式</th><th scope="col">是否詢問</th></tr></thead>
      <tbody>{{#QUESTION}}<tr><th scope="row">{{LABEL}}</th><td data-label="填寫方式">{{KIND}}</td><td data-label="是否詢問">
        {{#HOW}}<label class="inline-choice"><input type="radio" name="{{NAME}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/HOW}}</td></tr>{{/QUESTION}}</tbody>
    </table>
    </div>
  </fieldset>
  <div class="actions"><button type="submit">儲存線上報名設定</button></div>
</form>
