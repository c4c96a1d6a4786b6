{{%AUTOESCAPE context="HTML"}}<article class="course" data-code="{{CODE}}">
<h1>{{TITLE}}</h1>
<p class="meta">研習課程代碼 <strong>{{CODE}}</strong>｜報名狀態：<span class="course-status" data-public-status="{{STATUS_CODE}}">{{STATUS}}</span></p>

<h2>基本資料</h2>
<dl class="facts">
  <dt>開課單位</dt><dd>{{UNIT}}（{{COUNTY}}）</dd>
  <dt>承辦人</dt><dd>{{ORGANIZER}}</dd>
  <dt>班別性質</dt><dd>{{CLASS_KIND}}</dd>
  <dt>研習型態</dt><dd>{{SCOPE}}</dd>
  <dt>課程類別</dt><dd>{{CATEGORY}}</dd>
  <dt>學習領域／科目</dt><dd>{{SUBJECT_AREA}}</dd>
  <dt>參加對象</dt><dd>{{LEVELS}}</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>研習日期</dt><dd>{{FIRST_DATE}}–{{LAST_DATE}}</dd>
  {{#HAS_BASIS_DOC}}<dt>依據文號</dt><dd>{{BASIS_DOC}}</dd>{{/HAS_BASIS_DOC}}
  {{#HAS_TAGS}}<dt>屬性標籤</dt><dd>{{#TAG}}<span class="tag">{{NAME}}</span> {{/TAG}}</dd>{{/HAS_TAGS}}
  {{#HAS_SUBSIDY}}<dt>補助單位及金額</dt><dd>{{SUBSIDY}}</dd>{{/HAS_SUBSIDY}}
</dl>

<h2>課程內容大綱</h2>
<p class="outline">{{OUTLINE:pre_escape}}</p>

<h2>場次</h2>
{{>SESSIONS}}
<p class="hint"><a href="{{CALENDAR_URL}}">加入行事曆（.ics）</a></p>

<h2>報名資訊</h2>
<dl class="facts">
  <dt>班級數 × 每班人數</dt><dd>{{CLASS_COUNT}} × {{SEATS_PER_CLASS}}（共 {{TOTAL_SEATS}} 名）</dd>
  {{#ONLINE}}
  <dt>開放報名時間</dt><dd>{{OPENS_AT}}</dd>
  <dt>報名截止時間</dt><dd>{{CLOSES_AT}}</dd>
  <dt>線上報名名額</dt><dd>{{ONLINE_SEATS}} 名{{#SEATS}}，尚餘 <strong class="seats-left">{{SEATS_LEFT}}</strong> 名{{/SEATS}}</dd>
  <dt>錄取方式</dt><dd>{{REVIEW}}</dd>
  <dt>目前狀態</dt><dd>{{STATUS_WORDS}}</dd>
  {{/ONLINE}}
  {{#NOT_ONLINE}}<dt>線上報名</dt><dd>本研習不提供線上報名</dd>{{/NOT_ONLINE}}
</dl>
{{>LOTTERY}}
<!--enrolment-box-->

<h2>聯絡人</h2>
<ul class="contacts">
{{#CONTACT}}<li>{{NAME}}｜電話 {{PHONE}}｜<a href="mailto:{{EMAIL}}">{{EMAIL}}</a></li>{{/CONTACT}}
</ul>
</article>
