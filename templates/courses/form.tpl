{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p><a href="{{OFFICE_URL}}">回業務帳號首頁</a></p>
<p class="hint">送出後由貴單位的審課單位審核（第11條）；各單位由誰審課，見<a href="{{ORGANISATION_URL}}">組織架構</a>。</p>
{{>FORM_ERRORS}}
{{#DUPLICATE}}<p class="form-error">已登錄的課程：<a href="{{DUPLICATE_URL}}">{{DUPLICATE_CODE}}</a></p>{{/DUPLICATE}}
{{#RED_LIGHT}}<section class="notice" aria-labelledby="overdue-heading"><h2 id="overdue-heading">請先完成這些課程的結案</h2>
<ul>{{#OVERDUE}}<li><a href="{{URL}}">{{CODE}} {{TITLE}}</a>（研習結束 {{LAST_DATE}}，{{STATE}}）</li>{{/OVERDUE}}</ul></section>{{/RED_LIGHT}}
{{#HOURS_COMPUTED}}<p class="note" role="status">依第10條計算，目前場次可採計 <strong id="computed-hours">{{HOURS}}</strong> 小時（休息、用餐、簽到不計）。</p>{{/HOURS_COMPUTED}}
{{#RESTRICTED_WARNING}}<p class="note" role="status">提醒：課程名稱或大綱含有「{{WORDS}}」，可能屬第9條不予採計的活動；請填寫依據文號，課程將標示給審課人員留意。</p>{{/RESTRICTED_WARNING}}

<form method="post" action="{{ACTION}}" class="course-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <!-- The form's default button: Enter in any field submits the course, never a row's delete. -->
  <button type="submit" name="action" value="submit" class="default-submit" tabindex="-1" aria-hidden="true">送出</button>

  <fieldset>
    <legend>基本資料</legend>
    <div class="field">
      <label for="title">研習名稱</label>
      <p class="hint" id="title-hint">系列課程請在名稱中區分場次，例如「（第一梯次）」。</p>
      <input id="title" name="title" type="text" value="{{TITLE}}" maxlength="200" required aria-describedby="title-hint{{#TITLE_INVALID}} title-error{{/TITLE_INVALID}}"{{#TITLE_INVALID}} aria-invalid="true"{{/TITLE_INVALID}}>
      {{>TITLE_ERROR}}
    </div>
    <fieldset class="field"{{#CLASS_KIND_INVALID}} aria-describedby="class_kind-error"{{/CLASS_KIND_INVALID}}>
      <legend>班別性質</legend>
      {{#CLASS_KIND_OPTION}}<label class="inline-choice"><input type="radio" name="class_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/CLASS_KIND_OPTION}}
      {{>CLASS_KIND_ERROR}}
    </fieldset>
    <fieldset class="field">
      <legend>研習型態</legend>
      <label class="inline-choice"><input type="radio" name="scope" value="school"{{#SCOPE_SCHOOL}} checked{{/SCOPE_SCHOOL}}> 校內研習</label>
      <label class="inline-choice"><input type="radio" name="scope" value="cross"{{#SCOPE_CROSS}} checked{{/SCOPE_CROSS}}> 跨校研習（須填依據文號）</label>
    </fieldset>
    <div class="field">
      <label for="category_id">課程類別</label>
      <select id="category_id" name="category_id"{{#CATEGORY_ID_INVALID}} aria-describedby="category_id-error" aria-invalid="true"{{/CATEGORY_ID_INVALID}}>
        <option value="">請選擇</option>
        {{#CATEGORY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}
      </select>
      {{>CATEGORY_ID_ERROR}}
    </div>
    <div class="field">
      <label for="subject_area">學習領域／科目</label>
      <input id="subject_area" name="subject_area" type="text" value="{{SUBJECT_AREA}}" maxlength="60"{{#SUBJECT_AREA_INVALID}} aria-describedby="subject_area-error" aria-invalid="true"{{/SUBJECT_AREA_INVALID}}>
      {{>SUBJECT_AREA_ERROR}}
    </div>
    <fieldset class="field"{{#LEVELS_INVALID}} aria-describedby="levels-error"{{/LEVELS_INVALID}}>
      <legend>參加對象（課程性質）</legend>
      {{#LEVEL}}<label class="inline-choice"><input type="checkbox" name="levels" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/LEVEL}}
      {{>LEVELS_ERROR}}
    </fieldset>
    <fieldset class="field" aria-describedby="{{#TAG_IDS_INVALID}}tag_ids-error {{/TAG_IDS_INVALID}}{{#TAGS_INVALID}}tags-error{{/TAGS_INVALID}}">
      <legend>屬性標籤（僅在課程內容相符時勾選）</legend>
      {{#TAG}}<label class="inline-choice"><input type="checkbox" name="tags" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/TAG}}
      {{>TAG_IDS_ERROR}}
      {{>TAGS_ERROR}}
    </fieldset>
    <div class="field">
      <label for="basis_doc">依據文號</label>
      <p class="hint" id="basis_doc-hint">跨校研習必填：所屬縣市／教育局同意採計本研習時數之核准公文字號（1000 字以內）。</p>
      <textarea id="basis_doc" name="basis_doc" rows="2" maxlength="1000" aria-describedby="basis_doc-hint{{#BASIS_DOC_INVALID}} basis_doc-error{{/BASIS_DOC_INVALID}}"{{#BASIS_DOC_INVALID}} aria-invalid="true"{{/BASIS_DOC_INVALID}}>{{BASIS_DOC:pre_escape}}</textarea>
      {{>BASIS_DOC_ERROR}}
    </div>
    <div class="field">
      <label for="outline">課程內容大綱</label>
      <textarea id="outline" name="outline" rows="5" maxlength="4000"{{#OUTLINE_INVALID}} aria-describedby="outline-error" aria-invalid="true"{{/OUTLINE_INVALID}}>{{OUTLINE:pre_escape}}</textarea>
      {{>OUTLINE_ERROR}}
    </div>
  </fieldset>

  <fieldset>
    <legend>場次（日期、時間、休息時段、地點）</legend>
    <p class="hint" id="sessions-hint">休息、用餐、交通、簽到不計入時數，請填在「休息時段」，例如 12:00-13:00，多段以逗號分隔。時數依第10條計算：連續授課 50 分鐘計 1 小時，90 分鐘計 2 小時。研習須於第一場次 {{MIN_DAYS}} 天前登錄。</p>
    {{>SESSIONS_ERROR}}
    {{>PLACES_ERROR}}
    <div class="sessions">
    {{#SESSION}}
      <fieldset class="session-row">
        <legend>第 {{N}} 場次</legend>
        <div class="field"><label for="session_date_{{INDEX}}">日期</label><input id="session_date_{{INDEX}}" name="session_date" type="date" value="{{DATE}}" aria-describedby="sessions-hint{{#SESSIONS_INVALID}} sessions-error{{/SESSIONS_INVALID}}"></div>
        <div class="field"><label for="session_start_{{INDEX}}">開始</label><input id="session_start_{{INDEX}}" name="session_start" type="time" value="{{START}}"></div>
        <div class="field"><label for="session_end_{{INDEX}}">結束</label><input id="session_end_{{INDEX}}" name="session_end" type="time" value="{{END}}"></div>
        <div class="field"><label for="session_breaks_{{INDEX}}">休息時段</label><input id="session_breaks_{{INDEX}}" name="session_breaks" type="text" value="{{BREAKS}}" placeholder="12:00-13:00" aria-describedby="sessions-hint{{#SESSIONS_INVALID}} sessions-error{{/SESSIONS_INVALID}}"></div>
        <div class="field"><label for="session_place_{{INDEX}}">地點</label><input id="session_place_{{INDEX}}" name="session_place" type="text" value="{{PLACE}}" maxlength="200"{{#PLACES_INVALID}} aria-describedby="places-error"{{/PLACES_INVALID}}></div>
        <button type="submit" name="action" value="remove_session_{{INDEX}}" class="secondary remove">刪除第 {{N}} 場次</button>
      </fieldset>
    {{/SESSION}}
    </div>
    <p id="live-hours" class="live-hours" aria-live="polite"></p>
    <div class="actions"><button type="submit" name="action" value="add_session" class="secondary">新增一個場次</button></div>
    <div class="field">
      <label for="special_approval_doc">專案核准文號（單日逾 6 小時或單週逾 35 小時時必填）</label>
      <input id="special_approval_doc" name="special_approval_doc" type="text" value="{{SPECIAL_APPROVAL_DOC}}" maxlength="200"{{#SPECIAL_APPROVAL_DOC_INVALID}} aria-describedby="special_approval_doc-error"{{/SPECIAL_APPROVAL_DOC_INVALID}}{{#SPECIAL_APPROVAL_DOC_INVALID}} aria-invalid="true"{{/SPECIAL_APPROVAL_DOC_INVALID}}>
      {{>SPECIAL_APPROVAL_DOC_ERROR}}
    </div>
  </fieldset>

  <fieldset>
    <legend>時數與名額</legend>
    <div class="field">
      <label for="declared_hours">研習時數（非學分班）</label>
      <input id="declared_hours" name="declared_hours" type="text" inputmode="numeric" value="{{DECLARED_HOURS}}"{{#DECLARED_HOURS_INVALID}} aria-describedby="declared_hours-error" aria-invalid="true"{{/DECLARED_HOURS_INVALID}}>
      {{>DECLARED_HOURS_ERROR}}
    </div>
    <div class="field">
      <label for="credits">學分數（學分班、學位班；1 學分 = 18 小時）</label>
      <input id="credits" name="credits" type="text" inputmode="numeric" value="{{CREDITS}}"{{#CREDITS_INVALID}} aria-describedby="credits-error" aria-invalid="true"{{/CREDITS_INVALID}}>
      {{>CREDITS_ERROR}}
    </div>
    <div class="field">
      <label for="class_count">班級數</label>
      <input id="class_count" name="class_count" type="text" inputmode="numeric" value="{{CLASS_COUNT}}"{{#CLASS_COUNT_INVALID}} aria-describedby="class_count-error" aria-invalid="true"{{/CLASS_COUNT_INVALID}}>
      {{>CLASS_COUNT_ERROR}}
    </div>
    <div class="field">
      <label for="seats_per_class">每班次人數</label>
      <input id="seats_per_class" name="seats_per_class" type="text" inputmode="numeric" value="{{SEATS_PER_CLASS}}"{{#SEATS_PER_CLASS_INVALID}} aria-describedby="seats_per_class-error" aria-invalid="true"{{/SEATS_PER_CLASS_INVALID}}>
      {{>SEATS_PER_CLASS_ERROR}}
    </div>
    <div class="field">
      <label for="subsidy">補助單位及金額（選填）</label>
      <input id="subsidy" name="subsidy" type="text" value="{{SUBSIDY}}" maxlength="200"{{#SUBSIDY_INVALID}} aria-describedby="subsidy-error" aria-invalid="true"{{/SUBSIDY_INVALID}}>
      {{>SUBSIDY_ERROR}}
    </div>
  </fieldset>

  <fieldset>
    <legend>線上報名設定</legend>
    <div class="field checkbox">
      <input id="enrol_online" name="enrol_online" type="checkbox" value="1"{{#ENROL_ONLINE_CHECKED}} checked{{/ENROL_ONLINE_CHECKED}}>
      <label for="enrol_online">開放線上報名</label>
    </div>
    <div class="field">
      <label for="online_seats">線上報名名額（不超過班級數 × 每班次人數）</label>
      <input id="online_seats" name="online_seats" type="text" inputmode="numeric" value="{{ONLINE_SEATS}}"{{#ONLINE_SEATS_INVALID}} aria-describedby="online_seats-error" aria-invalid="true"{{/ONLINE_SEATS_INVALID}}>
      {{>ONLINE_SEATS_ERROR}}
    </div>
    <div class="field">
      <label for="enrol_opens">開放報名時間</label>
      <input id="enrol_opens" name="enrol_opens" type="datetime-local" value="{{ENROL_OPENS}}"{{#ENROL_OPENS_INVALID}} aria-describedby="enrol_opens-error" aria-invalid="true"{{/ENROL_OPENS_INVALID}}>
      {{>ENROL_OPENS_ERROR}}
    </div>
    <div class="field">
      <label for="enrol_closes">報名截止時間（最晚為第一場次前一天）</label>
      <input id="enrol_closes" name="enrol_closes" type="datetime-local" value="{{ENROL_CLOSES}}"{{#ENROL_CLOSES_INVALID}} aria-describedby="enrol_closes-error" aria-invalid="true"{{/ENROL_CLOSES_INVALID}}>
      {{>ENROL_CLOSES_ERROR}}
    </div>
    <div class="field checkbox">
      <input id="auto_review" name="auto_review" type="checkbox" value="1"{{#AUTO_REVIEW_CHECKED}} checked{{/AUTO_REVIEW_CHECKED}}>
      <label for="auto_review">自動審核（名額內先報先錄取）</label>
    </div>
  </fieldset>

  <fieldset>
    <legend>聯絡人</legend>
    <div class="field"><label for="contact1_name">聯絡人一 姓名</label><input id="contact1_name" name="contact1_name" type="text" value="{{CONTACT1_NAME}}" maxlength="50"{{#CONTACT1_NAME_INVALID}} aria-describedby="contact1_name-error" aria-invalid="true"{{/CONTACT1_NAME_INVALID}}>{{>CONTACT1_NAME_ERROR}}</div>
    <div class="field"><label for="contact1_phone">聯絡人一 電話</label><input id="contact1_phone" name="contact1_phone" type="tel" value="{{CONTACT1_PHONE}}" maxlength="30"{{#CONTACT1_PHONE_INVALID}} aria-describedby="contact1_phone-error" aria-invalid="true"{{/CONTACT1_PHONE_INVALID}}>{{>CONTACT1_PHONE_ERROR}}</div>
    <div class="field"><label for="contact1_email">聯絡人一 E-mail</label><input id="contact1_email" name="contact1_email" type="email" value="{{CONTACT1_EMAIL}}" maxlength="254"{{#CONTACT1_EMAIL_INVALID}} aria-describedby="contact1_email-error" aria-invalid="true"{{/CONTACT1_EMAIL_INVALID}}>{{>CONTACT1_EMAIL_ERROR}}</div>
    <div class="field"><label for="contact2_name">聯絡人二 姓名（選填）</label><input id="contact2_name" name="contact2_name" type="text" value="{{CONTACT2_NAME}}" maxlength="50"{{#CONTACT2_NAME_INVALID}} aria-describedby="contact2_name-error" aria-invalid="true"{{/CONTACT2_NAME_INVALID}}>{{>CONTACT2_NAME_ERROR}}</div>
    <div class="field"><label for="contact2_phone">聯絡人二 電話</label><input id="contact2_phone" name="contact2_phone" type="tel" value="{{CONTACT2_PHONE}}" maxlength="30"{{#CONTACT2_PHONE_INVALID}} aria-describedby="contact2_phone-error" aria-invalid="true"{{/CONTACT2_PHONE_INVALID}}>{{>CONTACT2_PHONE_ERROR}}</div>
    <div class="field"><label for="contact2_email">聯絡人二 E-mail</label><input id="contact2_email" name="contact2_email" type="email" value="{{CONTACT2_EMAIL}}" maxlength="254"{{#CONTACT2_EMAIL_INVALID}} aria-describedby="contact2_email-error" aria-invalid="true"{{/CONTACT2_EMAIL_INVALID}}>{{>CONTACT2_EMAIL_ERROR}}</div>
  </fieldset>

  <div class="actions"><button type="submit" name="action" value="submit">課程資料確定，送出課程確認要求</button></div>
</form>
<script src="/static/js/course_form.js" defer></script>
