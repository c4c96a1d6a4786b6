{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回合作網站管理</a></p>
<h1>{{SITE_NAME}}</h1>
<p class="meta">狀態：<strong id="partner-status">{{STATUS}}</strong>｜client_id：<code>{{CLIENT_ID}}</code>｜核准效期至 {{EXPIRES}}</p>
{{#SCAN_EXPIRED}}<p class="form-error" role="alert">弱點掃描報告已逾一年，帳號漫遊與資訊傳報已停止；請更新報告日期。</p>{{/SCAN_EXPIRED}}
{{#NEW_SECRET}}
<section class="notice" aria-labelledby="secret-heading">
  <h2 id="secret-heading">client secret（只顯示這一次）</h2>
  <p>請以安全的方式交給合作網站；系統只保存雜湊值，之後無法再查詢。</p>
  <p><code id="client-secret">{{SECRET}}</code></p>
</section>
{{/NEW_SECRET}}
<h2>申請資料</h2>
<dl class="facts">
  <dt>營運單位</dt><dd>{{OPERATOR_NAME}}</dd>
  <dt>單位主管</dt><dd>{{HEAD}}</dd>
  <dt>承辦人</dt><dd>{{CONTACT}}</dd>
  <dt>網站網址</dt><dd>{{SITE_URL}}</dd>
  <dt>測試網址</dt><dd>{{TEST_URL}}</dd>
  <dt>服務對象</dt><dd>{{AUDIENCE}}</dd>
  <dt>已有會員數</dt><dd>{{MEMBERS}}</dd>
  <dt>設立目的</dt><dd class="outline">{{PURPOSE:pre_escape}}</dd>
  <dt>維護方式</dt><dd class="outline">{{MAINTENANCE:pre_escape}}</dd>
  <dt>弱點掃描報告日期</dt><dd>{{SCAN_DATE}}</dd>
  <dt>隱私權政策</dt><dd>{{PRIVACY_URL}}</dd>
  <dt>同意事項</dt><dd>{{AGREED}}</dd>
</dl>
<h2>核准（建立或更新 OpenID 用戶端）</h2>
{{#APPROVAL}}
{{>FORM_ERRORS}}
<form method="post" action="{{APPROVE_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="client_id">client_id</label><input id="client_id" name="client_id" type="text" value="{{CLIENT_ID}}" maxlength="60"{{#CLIENT_ID_INVALID}} aria-describedby="client_id-error" aria-invalid="true"{{/CLIENT_ID_INVALID}}>{{>CLIENT_ID_ERROR}}</div>
  <div class="field"><label for="redirect_uris">返回網址（每行一個，逐字比對）</label><textarea id="redirect_uris" name="redirect_uris" rows="3"{{#REDIRECT_URIS_INVALID}} aria-describedby="redirect_uris-error" aria-invalid="true"{{/REDIRECT_URIS_INVALID}}>{{REDIRECT_URIS:pre_escape}}</textarea>{{>REDIRECT_URIS_ERROR}}</div>
  <fieldset id="claims"{{#CLAIMS_INVALID}} aria-describedby="claims-error"{{/CLAIMS_INVALID}}><legend>核准提供的資料（以申請項目為限）</legend>
    {{#CLAIM}}<div class="field checkbox"><input id="c-{{CODE}}" name="claims" type="checkbox" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="c-{{CODE}}">{{LABEL}}：{{USE}}</label></div>{{/CLAIM}}
    {{>CLAIMS_ERROR}}
  </fieldset>
  <div class="field checkbox"><input id="may_report" name="may_report" type="checkbox" value="1"{{#MAY_REPORT}} checked{{/MAY_REPORT}}><label for="may_report">可傳報研習紀錄（資訊傳報）</label></div>
  <div class="actions">{{#IN_USE}}<button type="submit" name="keep_secret" value="1">儲存設定（不更換 client secret）</button> {{/IN_USE}}<button type="submit"{{#IN_USE}} class="secondary"{{/IN_USE}}>{{BUTTON}}</button></div>
</form>
{{/APPROVAL}}
<h2>效期與狀態</h2>
{{#RENEWAL}}
{{>FORM_ERRORS}}
<form method="post" action="{{RENEW_URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="scan_report_date">新的弱點掃描報告日期</label><input id="scan_report_date" name="scan_report_date" type="date" value="{{SCAN_REPORT_DATE}}"{{#SCAN_REPORT_DATE_INVALID}} aria-describedby="scan_report_date-error" aria-invalid="true"{{/SCAN_REPORT_DATE_INVALID}}>{{>SCAN_REPORT_DATE_ERROR}}</div>
  <div class="actions"><button type="submit" class="secondary">更新效期</button></div>
</form>
{{/RENEWAL}}
{{#STATUS_FORM}}{{>FORM_ERRORS}}{{/STATUS_FORM}}
<form method="post" action="{{STATUS_URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{#CAN_SUSPEND}}<button type="submit" name="action" value="suspend" class="secondary">停權…</button>{{/CAN_SUSPEND}}
  {{#CAN_REINSTATE}}<button type="submit" name="action" value="reinstate" class="secondary">恢復</button>{{/CAN_REINSTATE}}
  {{#CAN_REVOKE}}<button type="submit" name="action" value="revoke" class="danger">廢止…</button>{{/CAN_REVOKE}}
</form>
