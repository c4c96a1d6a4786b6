{{%AUTOESCAPE context="HTML"}}<h1>教師個人化專屬首頁</h1>
<p class="meta">{{NAME}}｜{{UNIT}}｜{{TITLE_NAME}}｜任職狀態：{{EMPLOYMENT}}</p>

{{#RECORDS_ONLY}}
<section class="notice" aria-labelledby="locked-heading">
  <h2 id="locked-heading">帳號僅能查詢研習紀錄</h2>
  <p>您目前的任職狀態為「{{EMPLOYMENT}}」。依使用管理規定第 5 條，非在職或無服務單位的教師帳號僅能查詢個人研習紀錄，無法報名研習或使用帳號漫遊。</p>
  <p>原因：{{REASON}}</p>
  {{#MASTER}}<p id="restore-contact">如資料有誤，或您已到新學校任職，請洽{{MASTER_UNIT}}總負責人 <strong>{{MASTER_NAME}}</strong>（電話 {{MASTER_PHONE}}）更新教師資料；轉到新學校時，由新學校的總負責人以「教師資料登錄」加入。</p>{{/MASTER}}
  {{#NO_MASTER}}<p id="restore-contact">請洽您目前服務學校的總負責人，以「教師資料登錄」將您的帳號加入該校；各校總負責人可在<a href="{{UNIT_ACCOUNTS_URL}}">各校業務帳號人員查詢</a>找到。</p>{{/NO_MASTER}}
</section>
{{/RECORDS_ONLY}}

{{#ACTIVE}}
<section aria-labelledby="light-heading">
  <h2 id="light-heading">報名但未參與研習燈號</h2>
  {{>LIGHT}}
  <p class="hint">綠燈 0 堂、黃燈 1–2 堂、紅燈 3 堂以上（本年度）。若有參加卻未核發時數，請按「申請更正」請開課單位查核名單；時數核發後此課程即不再計入。</p>
  {{#NO_MISSED}}<p>今年沒有報名但未參與的研習。</p>{{/NO_MISSED}}
  <ul class="missed">
  {{#MISSED}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta">{{UNIT}}｜{{DATES}}｜代碼 {{CODE}}</span>{{#CAN_REQUEST}} <a class="request-link" href="{{REQUEST_URL}}">申請更正</a>{{/CAN_REQUEST}}{{#REQUESTED}} <span class="status-note" data-requested="1">已送出更正申請</span>{{/REQUESTED}}</li>{{/MISSED}}
  </ul>
</section>

<section aria-labelledby="enrol-heading">
  <h2 id="enrol-heading">我的報名</h2>
  {{#NO_ENROLMENTS}}<p>目前沒有報名紀錄。<a href="{{SEARCH_URL}}">找研習</a></p>{{/NO_ENROLMENTS}}
  <div class="table-wrap">
  <table class="stack">
    <caption class="visually-hidden">我的報名</caption>
    <thead><tr><th scope="col">研習</th><th scope="col">日期</th><th scope="col">開課單位</th><th scope="col">報名狀態</th></tr></thead>
    <tbody>
    {{#ENROLMENT}}<tr><td data-label="研習"><a href="{{URL}}">{{TITLE}}</a></td><td data-label="日期">{{DATES}}</td><td data-label="開課單位">{{UNIT}}</td><td data-label="報名狀態">{{STATUS}}{{#WAITING}}（第 {{POSITION}} 位）{{/WAITING}}<span class="row-links">{{#APPROVED}}<a href="{{NOTICE_URL}}">錄取通知</a> <a href="{{CALENDAR_URL}}">行事曆檔（.ics）</a>{{/APPROVED}}{{#CAN_CANCEL}} <a href="{{CANCEL_URL}}">取消報名</a>{{/CAN_CANCEL}}</span></td></tr>{{/ENROLMENT}}
    </tbody>
  </table>
  </div>
</section>
{{/ACTIVE}}

<section aria-labelledby="records-heading">
  <h2 id="records-heading">研習紀錄（依年度）</h2>
  <p><a href="{{RECORDS_URL}}">查看全部研習紀錄、時數統計與研習證明</a></p>
  {{#NO_RECORDS}}<p>尚無研習紀錄。</p>{{/NO_RECORDS}}
  <div class="table-wrap">
  <table class="records-by-year">
    <caption class="visually-hidden">各年度研習時數</caption>
    <thead><tr><th scope="col">年度（民國）</th><th scope="col">筆數</th><th scope="col">時數</th><th scope="col">學分</th></tr></thead>
    <tbody>
    {{#YEAR}}<tr><td>{{ROC_YEAR}}</td><td>{{RECORDS}}</td><td>{{HOURS}}</td><td>{{CREDITS}}</td></tr>{{/YEAR}}
    </tbody>
  </table>
  </div>
  <h3>最近的研習紀錄</h3>
  <ul class="records">
  {{#RECORD}}<li>{{TITLE}} <span class="meta">{{DATE}}｜{{HOURS}}｜來源：{{SOURCE}}</span></li>{{/RECORD}}
  </ul>
</section>

<section aria-labelledby="roaming-heading">
  <h2 id="roaming-heading">帳號漫遊</h2>
  <p><a href="{{PARTNERS_URL}}">合作網站授權紀錄</a>：查看哪些合作網站取得了您的哪些資料，並可撤銷授權。</p>
</section>
