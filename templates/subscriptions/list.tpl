{{%AUTOESCAPE context="HTML"}}<h1>研習資訊訂閱</h1>
<p>儲存常用的搜尋條件，每天會以電子郵件寄給您新核准、符合條件的研習（同一門研習只通知一次）。每封信都附有不需登入即可取消訂閱的連結。最多 {{MAX}} 個訂閱。</p>
<h2>我的訂閱</h2>
{{#NONE}}<p>您還沒有訂閱。可以在下方設定條件，或在「研習搜尋」的結果頁按「訂閱此搜尋」。</p>{{/NONE}}
<ul class="subscriptions">
{{#SUBSCRIPTION}}
  <li data-subscription-id="{{ID}}"><strong>{{WORDS}}</strong> <span class="meta">（{{SINCE}} 起）</span>
    <a href="{{SEARCH_URL}}">看目前的結果</a>
    <form method="post" action="{{DELETE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">刪除</button></form>
  </li>
{{/SUBSCRIPTION}}
</ul>
<h2 id="new">新增訂閱</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#new" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="q">關鍵字（課程名稱、內容、開課單位）</label><input id="q" name="q" type="text" maxlength="100" value="{{Q}}"></div>
  <div class="field"><label for="county">縣市</label><select id="county" name="county"><option value="">不限</option>{{#COUNTY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COUNTY_OPTION}}</select></div>
  <div class="field"><label for="level">適用層級</label><select id="level" name="level"><option value="">不限</option>{{#LEVEL_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTION}}</select></div>
  <div class="field"><label for="tag">屬性標籤</label><select id="tag" name="tag"><option value="">不限</option>{{#TAG_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TAG_OPTION}}</select></div>
  <div class="field checkbox"><input id="open" name="open" type="checkbox" value="1"{{#OPEN_CHECKED}} checked{{/OPEN_CHECKED}}><label for="open">只看開放報名</label></div>
  <div class="actions"><button type="submit">訂閱</button></div>
</form>
