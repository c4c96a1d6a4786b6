{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>業務帳號申請已送出</h1>
<p role="status" id="received">您的{{KIND}}業務帳號「<span id="account-name">{{ACCOUNT_NAME}}</span>」（{{UNIT}}）已送出申請，目前是「待審核」，還不能登入。{{APPROVER}}核准或不核准後，會寄信通知 {{EMAIL}}。</p>
{{#NO_MASTER}}<p class="note" id="no-master">貴單位目前沒有啟用中的總負責人，承辦人的申請要等總負責人帳號核准後才能審核。請先由貴單位的總負責人申請總負責人帳號。</p>{{/NO_MASTER}}
<p>審課單位與轄區請見<a href="{{ORGANISATION_URL}}">組織架構</a>。｜<a href="{{LOGIN_URL}}">前往登入</a></p>
</section>
