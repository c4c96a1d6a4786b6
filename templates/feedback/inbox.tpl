{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>意見交流收件匣</h1>
<form method="get" action="{{INBOX_URL}}" class="inline-filter">
  <label for="state">狀態</label>
  <select id="state" name="state"><option value="">全部</option>{{#STATE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}</select>
  <button type="submit" class="secondary">篩選</button>
</form>
{{#EMPTY}}<p>沒有留言。</p>{{/EMPTY}}
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">留言</caption>
  <thead><tr><th scope="col">留言者</th><th scope="col">單位</th><th scope="col">類別</th><th scope="col">狀態</th><th scope="col">則數</th><th scope="col">最後更新</th></tr></thead>
  <tbody>
  {{#THREAD}}<tr data-feedback-id="{{ID}}" data-state="{{STATE_CODE}}"><td data-label="留言者"><a href="{{URL}}">{{WRITER}}</a></td><td data-label="單位">{{UNIT}}</td><td data-label="類別">{{CATEGORY}}</td><td data-label="狀態">{{STATE}}</td><td data-label="則數">{{MESSAGES}}</td><td data-label="最後更新">{{UPDATED}}</td></tr>{{/THREAD}}
  </tbody>
</table>
</div>
