{{%AUTOESCAPE context="HTML"}}<section class="narrow notice sso-denied" aria-labelledby="denied-heading">
<h1 id="denied-heading">無法使用帳號漫遊</h1>
<p>依全國教師在職進修資訊網使用管理規定第 5 條，未在職或沒有服務學校資料的教師帳號，僅能查詢個人研習紀錄，暫停帳號漫遊等其他功能。因此無法以您的帳號登入「{{SITE_NAME}}」。</p>
<p>如任職資料有誤，請洽服務學校的總負責人更新教師資料，更新後即可恢復。</p>
<p class="actions"><a class="button" href="{{BACK_URL}}">回到「{{SITE_NAME}}」</a></p>
</section>
