{{%AUTOESCAPE context="HTML"}}<h1>帳號管理</h1>
<p class="meta">{{UNIT}}｜本單位的承辦人與總負責人業務帳號</p>
<p class="hint">業務帳號屬個人使用，不可交接：新任承辦人請自行<a href="{{APPLY_URL}}">申請業務帳號</a>，由您核准；離任承辦人的未結案課程請先移轉給接任者，所有課程都是「名單確認通過」或「課程登錄錯誤」後才能刪除帳號。總負責人帳號的核准、停用與刪除由審課單位辦理。</p>
{{#BLOCKED}}<section class="form-error" role="alert" id="blocked" aria-labelledby="blocked-heading">
<h2 id="blocked-heading">{{ACCOUNT}}還不能刪除</h2>
<p>這個帳號還有 {{COUNT}} 門課程尚未「名單確認通過」或「課程登錄錯誤」。請完成這些課程，或在課程頁面移轉給其他承辦人後，再刪除帳號。</p>
<ul class="blocking">{{#COURSE}}<li><a href="{{URL}}">{{CODE}} {{TITLE}}</a>（{{STATE}}）</li>{{/COURSE}}</ul>
</section>{{/BLOCKED}}
<section aria-labelledby="accounts-heading">
<h2 id="accounts-heading">本單位業務帳號</h2>
{{#NO_ACCOUNTS}}<p class="empty">本單位還沒有業務帳號。</p>{{/NO_ACCOUNTS}}
<div class="table-wrap">
<table class="accounts stack">
  <caption class="visually-hidden">本單位業務帳號與可做的處理</caption>
  <thead><tr><th scope="col">姓名（帳號）</th><th scope="col">類別</th><th scope="col">聯絡方式</th><th scope="col">申請時間</th><th scope="col">狀態</th><th scope="col">處理</th></tr></thead>
  <tbody>
  {{#ACCOUNT}}<tr data-account="{{ID}}" data-state="{{STATE_CODE}}">
    <td data-label="姓名（帳號）">{{NAME}}（{{ACCOUNT_NAME}}）</td>
    <td data-label="類別">{{KIND}}</td>
    <td data-label="聯絡方式">{{PHONE}}<br>{{EMAIL}}</td>
    <td data-label="申請時間">{{APPLIED_AT}}</td>
    <td data-label="狀態"><span class="state">{{STATE}}</span>{{#REFUSED}}<br>理由：{{REASON}}{{/REFUSED}}<br><span class="second-factor">雙因素驗證{{SECOND_FACTOR}}</span></td>
    <td data-label="處理">
      {{#HAS_NOTE}}<p class="hint">{{NOTE}}</p>{{/HAS_NOTE}}
      {{>DECIDE}}
      {{#DISABLE}}<form method="post" action="{{URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">停用</button></form>{{/DISABLE}}
      {{#ENABLE}}<form method="post" action="{{URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">重新啟用</button></form>{{/ENABLE}}
      {{#DELETE}}<form method="post" action="{{URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">刪除帳號</button></form>{{/DELETE}}
    </td>
  </tr>{{/ACCOUNT}}
  </tbody>
</table>
</div>
</section>
<section aria-labelledby="changes-heading">
<h2 id="changes-heading">處理紀錄</h2>
{{#NO_CHANGES}}<p class="empty">還沒有任何申請或處理。</p>{{/NO_CHANGES}}
<div class="table-wrap">
<table class="changes stack">
  <caption class="visually-hidden">本單位業務帳號的申請與處理紀錄（新的在前）</caption>
  <thead><tr><th scope="col">時間</th><th scope="col">由誰</th><th scope="col">帳號</th><th scope="col">做了什麼</th><th scope="col">內容</th></tr></thead>
  <tbody>
  {{#CHANGE}}<tr><td data-label="時間">{{AT}}</td><td data-label="由誰">{{WHO}}</td><td data-label="帳號">{{ACCOUNT}}</td><td data-label="做了什麼">{{ACTION}}</td><td data-label="內容">{{DETAIL}}</td></tr>{{/CHANGE}}
  </tbody>
</table>
</div>
</section>
