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
