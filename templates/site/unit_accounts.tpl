{{%AUTOESCAPE context="HTML"}}<h1>各校業務帳號人員查詢</h1>
<p>輸入學校代碼或校名的一部分，查詢該校負責研習業務的承辦人與總負責人及其辦公室電話。新任承辦人或總負責人請以個人身分<a href="{{APPLY_URL}}">申請業務帳號</a>（業務帳號不可交接沿用）。</p>
<form method="get" action="{{ACTION}}" class="narrow" role="search" novalidate>
  <div class="field">
    <label for="q">學校代碼或名稱</label>
    <p class="hint" id="q-hint">例如 034525，或「內壢國民中學」。</p>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="100" required
      aria-describedby="q-hint{{#Q_INVALID}} q-error{{/Q_INVALID}}"{{#Q_INVALID}} aria-invalid="true"{{/Q_INVALID}}>
    {{>Q_ERROR}}
  </div>
  <div class="actions"><button type="submit">查詢</button></div>
</form>
{{#NONE_FOUND}}<p class="form-error" role="status" data-result="none">查無學校代碼或名稱含「{{TYPED}}」的單位，請確認後再查一次。</p>{{/NONE_FOUND}}
{{#CHOOSE}}<section aria-labelledby="choose-heading" data-result="choose">
<h2 id="choose-heading">符合的單位</h2>
{{#MORE}}<p class="note" role="status">符合的單位超過 20 個，以下只列前 20 個；請輸入更完整的名稱或學校代碼。</p>{{/MORE}}
<ul>{{#CHOICE}}<li><a href="{{URL}}">{{CODE}} {{NAME}}</a></li>{{/CHOICE}}</ul>
</section>{{/CHOOSE}}
{{#UNIT}}<section aria-labelledby="unit-heading" data-result="unit" data-unit="{{CODE}}">
<h2 id="unit-heading">{{NAME}}（{{CODE}}）</h2>
{{#NO_ACCOUNTS}}<p>此單位尚無已核准的業務帳號。</p>{{/NO_ACCOUNTS}}
{{#ACCOUNTS}}<div class="table-wrap"><table class="list">
<caption>業務帳號人員</caption>
<thead><tr><th scope="col">姓名</th><th scope="col">身分</th><th scope="col">辦公室電話</th></tr></thead>
<tbody>{{#ACCOUNT}}
<tr class="account"><td>{{NAME}}</td><td>{{KIND}}</td><td>{{PHONE}}</td></tr>{{/ACCOUNT}}
</tbody></table></div>{{/ACCOUNTS}}
<p class="hint">為保護個人資料，這裡不顯示帳號與電子郵件；請以辦公室電話聯絡。</p>
</section>{{/UNIT}}
