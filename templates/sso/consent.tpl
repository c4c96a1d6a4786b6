{{%AUTOESCAPE context="HTML"}}<section class="narrow consent" aria-labelledby="consent-heading">
<h1 id="consent-heading">授權「{{SITE_NAME}}」使用您的帳號登入</h1>
<p id="consent-intro">「{{SITE_NAME}}」請求以您的全國教師在職進修資訊網帳號登入。同意後，該網站將取得：</p>
<ul class="claims" aria-labelledby="consent-intro">
  <li>一組只用於該網站的識別碼（不是您的身分證字號）</li>
  {{#CLAIM}}<li>{{LABEL}}</li>{{/CLAIM}}
</ul>
{{#ONLY_SUB}}<p>除識別碼外，不會提供其他個人資料。</p>{{/ONLY_SUB}}
<p class="hint">登入後將回到：<code class="address">{{REDIRECT_HOST}}</code>。您可以隨時在「合作網站授權紀錄」撤銷授權。</p>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/FIELD}}
  <div class="actions">
    <button type="submit" name="decision" value="allow" id="allow">同意並登入</button>
    <button type="submit" name="decision" value="deny" id="deny" class="secondary">不同意</button>
  </div>
</form>
</section>
