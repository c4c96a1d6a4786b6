{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>業務帳號申請已送出</h1>
<p role="status" id="received">您的{{KIND}}業務帳號「<span id="account-name">{{ACCOUNT_NAME}}</span>」（{{UNIT}}）已送出申請，目前是「待審核」，還不能登入。{{APPROVER}}核准或不核准後，會寄信通知 {{EMAIL}}。</p>
{{#HAS_NOTIFIED}}<p id="notified">已寄信通知 {{NOTIFIED}} 審核這項申請。</p>{{/HAS_NOTIFIED}}
{{#NO_MASTER}}<p class="note" id="no-master">貴單位目前沒有啟用中的總負責人，承辦人的申請要等總負責人帳號核准後才能審核。請先由貴單位的總負責人申請總負責人帳號。</p>{{/NO_MASTER}}
{{#NO_REVIEWER}}<p class="note" id="no-reviewer">審課單位「{{REVIEW_UNIT}}」目前沒有啟用中的審課人員帳號，還沒有人能核准這項申請。請直接洽{{REVIEW_UNIT}}，或洽本網系統管理者（全國推廣中心）為其設定審課人員。</p>{{/NO_REVIEWER}}
{{#NO_REVIEW_UNIT}}<p class="note" id="no-reviewer">貴單位尚未對應到審課單位，還沒有人能核准這項申請。請洽本網系統管理者（全國推廣中心）設定貴單位的審課單位。</p>{{/NO_REVIEW_UNIT}}
<p>審課單位與轄區請見<a href="{{ORGANISATION_URL}}">組織架構</a>。｜<a href="{{LOGIN_URL}}">前往登入</a></p>
</section>
