{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>申請已送出</h1>
<p>「{{SITE_NAME}}」的帳號漫遊合作申請已送出，申請編號 <strong>{{ID}}</strong>。全國推廣中心審核後將以電子郵件通知承辦人。</p>
<p><a href="{{HOME_URL}}">回首頁</a></p>
</section>
