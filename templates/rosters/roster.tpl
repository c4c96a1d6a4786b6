{{%AUTOESCAPE context="HTML"}}<p><a href="{{COURSE_URL}}">回課程頁面</a></p>
<h1>編輯研習教師資料</h1>
<p class="meta">研習課程代碼 <strong>{{CODE}}</strong>｜{{TITLE}}｜{{DATES}}｜{{COURSE_UNITS}}｜處理狀態：<strong id="course-state" data-state="{{STATE_CODE}}">{{STATE}}</strong></p>
{{>FORM_ERRORS}}
{{#RETURNED}}
<section class="notice" aria-labelledby="returned-heading">
  <h2 id="returned-heading">名單確認未通過：審課單位的理由</h2>
  <ul class="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
  <p>請依理由修正名單後，再按「研習時數核對無誤，送出名單確認要求」。</p>
</section>
{{/RETURNED}}
{{#UPLOAD_REPORT}}
<section class="note upload-report" id="upload-report" role="alert" aria-labelledby="upload-heading">
  <h2 id="upload-heading">上傳結果：{{FILE_NAME}}</h2>
  <p>共 {{ROWS}} 列，未通過 <span id="upload-refused">{{REFUSED}}</span> 列。{{#APPLIED}}已匯入 <span id="upload-added">{{ADDED}}</span> 位教師；未通過的列沒有匯入，請修正後只上傳那幾列。{{/APPLIED}}{{#NOT_APPLIED}}<strong>{{WHY_NOT}}</strong>{{/NOT_APPLIED}}</p>
  <div class="table-wrap">
  <table class="stack">
    <caption class="visually-hidden">每一列的檢查結果</caption>
    <thead><tr><th scope="col">列</th><th scope="col">身分證字號</th><th scope="col">時數</th><th scope="col">結果</th><th scope="col">說明</th></tr></thead>
    <tbody>{{#ROW}}<tr data-line="{{LINE}}" data-verdict="{{CODE}}">
      <td data-label="列">{{LINE}}</td><td data-label="身分證">{{NATIONAL_ID}}</td><td data-label="時數">{{HOURS}}</td>
      <td data-label="結果">{{VERDICT}}</td><td data-label="說明">{{MESSAGE}}</td>
    </tr>{{/ROW}}</tbody>
  </table>
  </div>
</section>
{{/UPLOAD_REPORT}}
{{#SUBMITTED}}<p class="note" id="roster-frozen">名單已送出（資料上傳結束），等待審課單位確認；送出後不能再修改，除非審課單位退回。</p>{{/SUBMITTED}}
{{#CLOSED}}<p class="note" id="roster-closed">名單確認通過（結案）：下列教師的研習時數已核發，記入各自的研習紀錄。需要更正或補登時：<a href="{{RECORDS_URL}}">研習紀錄更正</a>。</p>{{/CLOSED}}
{{#READ_ONLY}}<p class="note">只有課程承辦人或總負責人可以編輯這份名單。</p>{{/READ_ONLY}}

<h2>等待核發時數名單：<span id="line-count">{{LINE_COUNT}}</span> 人，合計 <span id="unit-total">{{UNIT_TOTAL}}</span></h2>
{{>LINES}}

{{#OPEN}}
{{#GRID}}<p><a class="button secondary" href="{{GRID_URL}}">逐場登錄出席（依第10條計算時數）</a></p>{{/GRID}}

<h2 id="convert">轉換線上報名資料</h2>
{{#NO_CANDIDATES}}<p class="hint">審核通過的報名者都已在名單上。</p>{{/NO_CANDIDATES}}
{{#CANDIDATES}}
<form method="post" action="{{CONVERT_URL}}" id="convert-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint">審核通過、尚未在名單上的報名者 {{CANDIDATE_COUNT}} 位。轉入後預設為全程出席，請再核對請假或曠課。</p>
  <div class="table-wrap">
  <table class="stack">
    <caption class="visually-hidden">尚未轉入名單的報名者</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">姓名</th><th scope="col">服務學校</th><th scope="col">身分證字號</th></tr></thead>
    <tbody>{{#CANDIDATE}}<tr data-enrolment="{{ID}}">
      <td data-label="選取"><input type="checkbox" name="enrolment" value="{{ID}}" id="enrolment-{{ID}}"></td>
      <td data-label="姓名"><label for="enrolment-{{ID}}">{{NAME}}</label>{{#TITLE_NAME}}<span class="meta">{{TITLE_NAME}}</span>{{/TITLE_NAME}}</td>
      <td data-label="服務學校">{{UNIT}}</td>
      <td data-label="身分證">{{MASKED_ID}}</td>
    </tr>{{/CANDIDATE}}</tbody>
  </table>
  </div>
  <div class="actions">
    <button type="submit" name="action" value="all">全部轉換（{{CANDIDATE_COUNT}} 位）</button>
    <button type="submit" name="action" value="picked" class="secondary">轉換勾選的教師</button>
  </div>
</form>
{{/CANDIDATES}}

{{#ADD}}
<h2 id="single">單筆輸入</h2>
<form method="post" action="{{ADD_URL}}#single" class="inline-form" id="add-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <p class="hint">沒有線上報名的參加者也可以輸入。核發{{UNIT_WORD}}依出席情形自動計算（課程 {{COURSE_UNITS}}）。</p>
  <div class="field">
    <label for="national_id">身分證字號</label>
    <input id="national_id" name="national_id" type="text" maxlength="10" autocomplete="off" required value="{{NATIONAL_ID}}"{{#NATIONAL_ID_INVALID}} aria-describedby="national_id-error" aria-invalid="true"{{/NATIONAL_ID_INVALID}}>
    {{>NATIONAL_ID_ERROR}}
  </div>
  {{>ATTENDANCE_FIELDS}}
  <div class="actions"><button type="submit">加入名單</button></div>
</form>
{{/ADD}}

{{#UPLOAD}}
<h2 id="upload">檔案上傳</h2>
<form method="post" action="{{UPLOAD_URL}}#upload-report" enctype="multipart/form-data" id="upload-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint">Excel（.xlsx）、CSV 或 XML，最大 5 MB。欄位：身分證字號、{{UNIT_WORD}}（可有標題列，也可直接上傳研習名單匯出加上「時數」欄）。每一列都會檢查並列出結果。</p>
  <div class="field">
    <label for="file">名單檔案</label>
    <input id="file" name="file" type="file" accept=".xlsx,.csv,.xml" required>
  </div>
  <fieldset class="field" id="mode"><legend>匯入方式</legend>
    <label class="inline-choice"><input type="radio" name="mode" value="good_rows" checked> 只匯入正確的列（有錯的列列出原因）</label>
    <label class="inline-choice"><input type="radio" name="mode" value="all_or_nothing"> 全部正確才匯入（有任何一列錯誤就都不匯入）</label>
  </fieldset>
  <div class="actions"><button type="submit">上傳並檢查</button></div>
</form>
{{/UPLOAD}}

{{#SUBMIT}}
<h2 id="submit">送出名單</h2>
{{#MAY_SUBMIT}}
<form method="post" action="{{SUBMIT_URL}}" id="submit-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint">送出後名單凍結，由審課單位確認；確認通過時，名單上每位教師的研習時數記入研習紀錄。</p>
  <div class="actions"><button type="submit">研習時數核對無誤，送出名單確認要求</button></div>
</form>
{{/MAY_SUBMIT}}
{{#NOT_YET}}<p class="hint" id="not-yet">研習最後一場在 {{LAST_DATE}}，當天起可以送出名單確認要求。</p>{{/NOT_YET}}
{{/SUBMIT}}
{{/OPEN}}
