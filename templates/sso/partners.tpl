{{%AUTOESCAPE context="HTML"}}<p><a href="{{TEACHER_URL}}">回教師個人化專屬首頁</a></p>
<h1>合作網站授權紀錄</h1>
<section aria-labelledby="consents-heading">
  <h2 id="consents-heading">已授權的合作網站</h2>
  {{#NO_CONSENTS}}<p>您尚未授權任何合作網站使用帳號登入。</p>{{/NO_CONSENTS}}
  <ul class="consents">
  {{#CONSENT}}
    <li>
      <strong>{{SITE_NAME}}</strong>{{#ACTIVE}} <span class="status status-active">授權中</span>{{/ACTIVE}}{{#REVOKED}} <span class="status status-revoked">已撤銷</span>{{/REVOKED}}
      <span class="claims-given">提供的資料：{{CLAIMS}}</span>
      <span class="meta">授權於 {{GRANTED_AT}}{{#REVOKED}}，已於 {{REVOKED_AT}} 撤銷{{/REVOKED}}</span>
      {{#ACTIVE}}<form method="post" action="{{URL}}" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="danger">撤銷「{{SITE_NAME}}」的授權</button></form>{{/ACTIVE}}
    </li>
  {{/CONSENT}}
  </ul>
</section>
<section aria-labelledby="disclosures-heading">
  <h2 id="disclosures-heading">哪個網站在何時取得了哪些資料</h2>
  <div class="table-wrap">
  <table class="stack disclosures">
    <caption class="visually-hidden">資料提供紀錄</caption>
    <thead><tr><th scope="col">時間</th><th scope="col">合作網站</th><th scope="col">事件</th><th scope="col">資料</th></tr></thead>
    <tbody>{{#DISCLOSURE}}<tr><td data-label="時間">{{AT}}</td><td data-label="合作網站">{{SITE_NAME}}</td><td data-label="事件">{{EVENT}}</td><td data-label="資料">{{CLAIMS}}</td></tr>{{/DISCLOSURE}}</tbody>
  </table>
  </div>
</section>
