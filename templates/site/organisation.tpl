{{%AUTOESCAPE context="HTML"}}<h1>組織架構</h1>
<p>依第11條，各單位登錄的研習課程與研習名單由下列審課單位審核。每個單位由哪個審課單位審核，依其層級、公私立與所屬主管機關判定；系統管理員另有指定者，從其指定。各校承辦人請見<a href="{{ACCOUNTS_URL}}">各校業務帳號人員查詢</a>。</p>
{{#REVIEW_UNIT}}<section class="review-unit" aria-labelledby="review-unit-{{ID}}" data-review-unit="{{CODE}}">
<h2 id="review-unit-{{ID}}">{{NAME}}</h2>
<dl class="facts">
  <dt>單位代碼</dt><dd>{{CODE}}</dd>
  <dt>審課角色</dt><dd>{{ROLE}}</dd>
  <dt>聯絡人</dt><dd>{{#CONTACT}}<span class="contact">{{NAME}}</span>，電話 {{PHONE}}{{/CONTACT}}{{#NO_CONTACT}}尚無審課人員帳號{{/NO_CONTACT}}</dd>
  <dt>審核的單位</dt><dd>{{COUNT}} 個</dd>
</dl>
{{#NONE_REVIEWED}}<p>目前沒有單位由此審課。</p>{{/NONE_REVIEWED}}
{{#REVIEWED_LIST}}<ul class="reviewed">{{#REVIEWED}}<li data-unit="{{CODE}}">{{CODE}} {{NAME}}</li>{{/REVIEWED}}</ul>{{/REVIEWED_LIST}}
</section>{{/REVIEW_UNIT}}
{{#UNROUTED}}<section aria-labelledby="unrouted-heading" data-review-unit="none">
<h2 id="unrouted-heading">尚未設定審課單位的單位</h2>
<p>這些單位依第11條找不到對應的審課單位，登錄課程前請洽全國教師在職進修資訊網及全國推廣中心。</p>
<ul class="reviewed">{{#UNIT}}<li data-unit="{{CODE}}">{{CODE}} {{NAME}}</li>{{/UNIT}}</ul>
</section>{{/UNROUTED}}
