{{%AUTOESCAPE context="HTML"}}{{#SHOW}}<section class="enrolment-box" aria-labelledby="enrolment-heading">
<h2 id="enrolment-heading">我要報名</h2>
{{#ANONYMOUS}}<p><a href="{{LOGIN_URL}}">登入</a>後即可報名（教師請以身分證字號登入）。</p>{{/ANONYMOUS}}
{{#RECORDS_ONLY}}<p class="note">您的帳號目前僅能查詢研習紀錄（第5條），不能報名。</p>{{/RECORDS_ONLY}}
{{#MINE}}<p data-enrolment-status="{{STATUS_CODE}}">您已報名：<strong>{{STATUS}}</strong>{{#WAITING}}（候補第 {{POSITION}} 位）{{/WAITING}}{{#IN_DRAW}}（{{DRAW_AT}} 抽籤，您的抽籤編號 <strong class="draw-reference">{{REFERENCE}}</strong>）{{/IN_DRAW}}。{{#CAN_CANCEL}} <a href="{{CANCEL_URL}}">取消報名</a>{{/CAN_CANCEL}}</p>{{/MINE}}
{{#DRAWING}}<p class="note">抽籤時間已到，正在抽籤；抽籤完成後即可報名（有空額時錄取，否則列入候補）。</p>{{/DRAWING}}
{{#CANCELLED}}<p data-enrolment-status="cancelled">您已取消這門研習的報名。</p>{{/CANCELLED}}
{{#FORM}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="key" value="{{KEY}}">
  {{#HAS_WARNINGS}}<div class="note" role="note" data-clash-warnings><p>報名前請留意：</p>
  <ul>{{#WARNING}}<li>{{TEXT}}</li>{{/WARNING}}</ul>
  <p>仍可報名；如需取消已報名的研習，請至<a href="{{TEACHER_URL}}">我的專屬首頁</a>。</p></div>{{/HAS_WARNINGS}}
  {{>QUESTIONS}}
  {{#FULL}}<p class="note">名額已滿：可以加入候補，有名額釋出時依序遞補。</p>
  <input type="hidden" name="waitlist" value="1">
  <div class="actions"><button type="submit">加入候補</button></div>{{/FULL}}
  {{#OPEN}}<div class="actions"><button type="submit">報名</button></div>{{/OPEN}}
  {{#LOTTERY}}<p class="note">本研習以抽籤分配名額：{{DRAW_AT}} 前報名者一同抽籤，報名先後不影響結果；今年無「報名但未參與」紀錄者優先。</p>
  <div class="actions"><button type="submit">報名</button></div>{{/LOTTERY}}
</form>
{{/FORM}}
</section>{{/SHOW}}
