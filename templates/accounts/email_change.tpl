{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>確認變更電子郵件信箱</h1>
<p id="change">將 {{NAME}} 的教師個人帳號電子郵件信箱變更為 <strong id="new-email">{{NEW_EMAIL}}</strong>。按下「確認變更」後，之後的通知與重設密碼連結都會寄到這個信箱。</p>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="actions"><button type="submit">確認變更</button></div>
</form>
<p class="hint">如非您本人申請，請不要按確認，直接關閉本頁即可，信箱不會變更。</p>
</section>
