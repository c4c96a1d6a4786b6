{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回單位管理</a></p>
<h1>新增單位</h1>
<p class="hint">新增後請在單位頁確認所屬主管機關與審課單位。</p>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FACTS_FIELDS}}
  <div class="actions"><button type="submit">新增單位</button></div>
</form>
