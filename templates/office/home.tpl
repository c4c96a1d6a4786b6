{{%AUTOESCAPE context="HTML"}}<h1>業務帳號首頁</h1>
<p class="meta">{{NAME}}（{{ROLE}}）｜{{UNIT}}</p>
{{#MASTER}}<p><a href="{{SPECIALTIES_URL}}">專長審核與瀏覽</a>：本校教師的專長登錄申請，以及依專長查看教師。</p>
<p><a href="{{TEACHERS_URL}}">本單位教師帳號管理</a>：本校教師的職稱、任教科目、離職與轉校，以及新進教師的教師資料登錄。</p>
<p><a href="{{ACCOUNTS_URL}}">帳號管理</a>：核准本單位承辦人的業務帳號申請，停用、重新啟用或刪除承辦人帳號。</p>{{/MASTER}}

<section aria-labelledby="light-heading">
  <h2 id="light-heading">業務帳號燈號訊息</h2>
  {{>LIGHT}}
  <p class="hint">綠燈 0 堂、黃燈 1–{{YELLOW_MAX}} 堂、紅燈 {{RED_THRESHOLD}} 堂以上：研習結束超過 {{GRACE_DAYS}} 天仍未結案的本年度課程。</p>
  {{#REGISTRATION_CLOSED}}<p class="form-error" role="alert">本單位為紅燈，已暫停研習課程登錄。請完成下列課程的時數核發與結案，逾期課程少於 {{BELOW}} 堂後即恢復。</p>{{/REGISTRATION_CLOSED}}
  {{#NO_OVERDUE}}<p>本單位目前沒有逾期未結案的課程。</p>{{/NO_OVERDUE}}
  <div class="table-wrap">
  <table class="stack">
    <caption class="visually-hidden">逾期未結案課程</caption>
    <thead><tr><th scope="col">代碼</th><th scope="col">研習名稱</th><th scope="col">日期</th><th scope="col">處理狀態</th><th scope="col">承辦人</th></tr></thead>
    <tbody>
    {{#OVERDUE}}<tr class="overdue"><td data-label="代碼">{{CODE}}</td><td data-label="研習名稱">{{#LINK}}<a href="{{URL}}">{{TITLE}}</a>{{/LINK}}{{#NO_LINK}}{{TITLE}}{{/NO_LINK}}</td><td data-label="日期">{{DATES}}</td><td data-label="處理狀態">{{STATE}}</td><td data-label="承辦人">{{ORGANIZER}}</td></tr>{{/OVERDUE}}
    </tbody>
  </table>
  </div>
</section>

<section aria-labelledby="recent-heading">
  <h2 id="recent-heading">本單位最近登錄的研習</h2>
  {{#NO_RECENT}}<p>本單位尚未登錄研習。</p>{{/NO_RECENT}}
  <div class="table-wrap">
  <table class="stack">
    <caption class="visually-hidden">本單位研習課程</caption>
    <thead><tr><th scope="col">代碼</th><th scope="col">研習名稱</th><th scope="col">日期</th><th scope="col">處理狀態</th><th scope="col">承辦人</th></tr></thead>
    <tbody>
    {{#RECENT}}<tr><td data-label="代碼">{{CODE}}</td><td data-label="研習名稱">{{#LINK}}<a href="{{URL}}">{{TITLE}}</a>{{/LINK}}{{#NO_LINK}}{{TITLE}}{{/NO_LINK}}</td><td data-label="日期">{{DATES}}</td><td data-label="處理狀態">{{STATE}}</td><td data-label="承辦人">{{ORGANIZER}}</td></tr>{{/RECENT}}
    </tbody>
  </table>
  </div>
</section>
