{{%AUTOESCAPE context="HTML"}}<section class="notice-check">
<h1>研習證明查驗</h1>
{{#FOUND}}
<div class="verdict verdict-{{VERDICT}}" data-record="{{VERDICT}}" role="status">
  {{#VALID}}<p><strong>這份研習證明確由本網發出，紀錄有效。</strong></p>{{/VALID}}
  {{#SUPERSEDED}}<p><strong>這份研習證明確由本網發出，但這筆紀錄其後已更正，現行紀錄為 {{CURRENT_HOURS}}（新證明驗證碼 {{CURRENT_CODE}}）。</strong></p>{{/SUPERSEDED}}
</div>
<dl class="facts">
  <dt>驗證碼</dt><dd>{{CODE}}</dd>
  <dt>研習名稱</dt><dd>{{COURSE_TITLE}}</dd>
  <dt>研習課程代碼</dt><dd>{{COURSE_CODE}}</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>完成日期</dt><dd>{{COMPLETED_ON}}</dd>
</dl>
<p class="hint">為保護個人資料，查驗只顯示研習與時數，不顯示教師的姓名與服務單位；請與證明上的內容核對。</p>
<h2>查驗其他證明</h2>
{{/FOUND}}
{{#UNKNOWN}}<div class="form-error" data-record="unknown" role="status"><p><strong>查無此證明。</strong>沒有驗證碼「{{TYPED}}」的研習證明，請對照證明再確認一次驗證碼（12 個英文字母或數字，不分大小寫）。</p></div>{{/UNKNOWN}}
<form method="get" action="{{LOOKUP_URL}}" class="narrow" novalidate>
  <div class="field">
    <label for="code">研習證明上的驗證碼</label>
    <p class="hint" id="code-hint">12 個英文字母或數字，例如 K7QM-3XD2-P9TA；不分大小寫，可不打「-」。</p>
    <input id="code" name="code" type="text" value="{{CODE}}" maxlength="40" autocomplete="off" autocapitalize="characters" spellcheck="false" required
      aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    {{>CODE_ERROR}}
  </div>
  <div class="actions"><button type="submit">查驗</button></div>
</form>
</section>
