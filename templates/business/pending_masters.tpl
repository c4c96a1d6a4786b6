{{%AUTOESCAPE context="HTML"}}<p><a href="{{QUEUE_URL}}">回待審課程與名單</a></p>
<h1>總負責人帳號審核</h1>
<p class="meta">{{UNIT}}｜轄區內待審核的總負責人申請 <span id="count">{{COUNT}}</span> 件（最早的在前）</p>
<p class="hint">核准後帳號立即可以登入；不核准須填寫理由。兩者都會寄信通知申請人。承辦人的申請由各校總負責人核准，不在這裡。</p>
{{#EMPTY}}<p class="empty">目前沒有待審核的總負責人申請。</p>{{/EMPTY}}
<div class="table-wrap">
<table class="accounts stack">
  <caption class="visually-hidden">待審核的總負責人申請</caption>
  <thead><tr><th scope="col">姓名（帳號）</th><th scope="col">單位</th><th scope="col">聯絡方式</th><th scope="col">申請時間</th><th scope="col">處理</th></tr></thead>
  <tbody>
  {{#ACCOUNT}}<tr data-account="{{ID}}">
    <td data-label="姓名（帳號）">{{NAME}}（{{ACCOUNT_NAME}}）</td>
    <td data-label="單位">{{UNIT}}（{{UNIT_CODE}}）</td>
    <td data-label="聯絡方式">{{PHONE}}<br>{{EMAIL}}</td>
    <td data-label="申請時間">{{APPLIED_AT}}</td>
    <td data-label="處理">
      {{>DECIDE}}
    </td>
  </tr>{{/ACCOUNT}}
  </tbody>
</table>
</div>
<section aria-labelledby="masters-heading">
<h2 id="masters-heading">轄區總負責人帳號</h2>
<p class="meta">已核准的總負責人 <span id="master-count">{{MASTER_COUNT}}</span> 位。停用後帳號不能再登入，已登入的連線立即結束；處理紀錄保留，可重新啟用。</p>
{{#NO_MASTERS}}<p class="empty">轄區內還沒有已核准的總負責人。</p>{{/NO_MASTERS}}
<div class="table-wrap">
<table class="masters stack">
  <caption class="visually-hidden">轄區已核准的總負責人帳號與可做的處理</caption>
  <thead><tr><th scope="col">姓名（帳號）</th><th scope="col">單位</th><th scope="col">聯絡方式</th><th scope="col">狀態</th><th scope="col">處理</th></tr></thead>
  <tbody>
  {{#MASTER}}<tr data-account="{{ID}}" data-state="{{STATE_CODE}}">
    <td data-label="姓名（帳號）">{{NAME}}（{{ACCOUNT_NAME}}）</td>
    <td data-label="單位">{{UNIT}}（{{UNIT_CODE}}）</td>
    <td data-label="聯絡方式">{{PHONE}}<br>{{EMAIL}}</td>
    <td data-label="狀態"><span class="state">{{STATE}}</span><br><span class="second-factor">雙因素驗證{{SECOND_FACTOR}}</span></td>
    <td data-label="處理">
      {{#DISABLE}}<form method="post" action="{{URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">停用</button></form>{{/DISABLE}}
      {{#ENABLE}}<form method="post" action="{{URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">重新啟用</button></form>{{/ENABLE}}
    </td>
  </tr>{{/MASTER}}
  </tbody>
</table>
</div>
</section>
