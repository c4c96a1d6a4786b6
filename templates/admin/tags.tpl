{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>屬性標籤管理</h1>
<p class="hint">課程登錄時可勾選的屬性標籤，以及各標籤每年應修的時數（例如特殊教育 3 小時、家庭教育 4 小時）。每年應修時數留空表示此標籤不設應修時數；「幼兒園教保服務人員」只計入教師資料註記為幼兒園教保人員者的進度。新增、改名或停用後，課程登錄與研習搜尋的表單立即反映。標籤不會刪除：停用的標籤不再供新課程勾選，已標示的課程與研習紀錄保留原標籤。</p>
{{#REFUSED}}<p class="form-error" role="alert" id="form-errors"><a href="#tag-row-{{REFUSED_ID}}">「{{REFUSED_TAG}}」</a>的設定沒有變更：請見該列欄位旁的說明，您輸入的內容都已保留。</p>{{/REFUSED}}
<div class="table-wrap">
<table class="tags stack">
  <caption class="visually-hidden">屬性標籤與應修時數</caption>
  <thead><tr><th scope="col">屬性標籤</th><th scope="col">名稱</th><th scope="col">每年應修時數</th><th scope="col">適用對象</th><th scope="col">儲存</th><th scope="col">課程數</th><th scope="col">狀態</th></tr></thead>
  <tbody>
  {{#TAG}}<tr id="tag-row-{{ID}}" data-tag="{{ID}}">
    <th scope="row">{{NAME}}</th>
    <td data-label="名稱">{{#RENAME}}<form method="post" action="{{RENAME_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><label for="name-{{ID}}" class="visually-hidden">{{NAME}} 的新名稱</label><input id="name-{{ID}}" name="name" type="text" maxlength="40" size="14" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}> <button type="submit" class="secondary">改名</button>{{>NAME_ERROR}}</form>{{/RENAME}}</td>
    <td data-label="每年應修時數"><label for="hours-{{ID}}" class="visually-hidden">{{NAME}} 每年應修時數</label><input id="hours-{{ID}}" name="yearly_hours" type="text" inputmode="numeric" value="{{YEARLY_HOURS}}" size="4" placeholder="不設" form="tag-{{ID}}"{{#YEARLY_HOURS_INVALID}} aria-describedby="yearly_hours-error" aria-invalid="true"{{/YEARLY_HOURS_INVALID}}>{{>YEARLY_HOURS_ERROR}}</td>
    <td data-label="適用對象"><label for="audience-{{ID}}" class="visually-hidden">{{NAME}} 適用對象</label><select id="audience-{{ID}}" name="applies_to" form="tag-{{ID}}"{{#APPLIES_TO_INVALID}} aria-describedby="applies_to-error" aria-invalid="true"{{/APPLIES_TO_INVALID}}>{{#AUDIENCE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUDIENCE}}</select>{{>APPLIES_TO_ERROR}}</td>
    <td data-label="">
      <form method="post" action="{{URL}}" id="tag-{{ID}}" class="county-form">
        <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
        <button type="submit" class="secondary">儲存時數<span class="visually-hidden"> {{NAME}}</span></button>
      </form>
    </td>
    <td data-label="課程數">{{COURSES}}</td>
    <td data-label="狀態"><span class="status">{{STATUS}}</span>
      <form method="post" action="{{TOGGLE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">{{TOGGLE_LABEL}}<span class="visually-hidden"> {{NAME}}</span></button></form>
    </td>
  </tr>{{/TAG}}
  </tbody>
</table>
</div>
<h2>新增屬性標籤</h2>
{{#CREATE}}
{{>FORM_ERRORS}}
<form method="post" action="{{CREATE_URL}}#create" id="create" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="new-name">名稱</label><input id="new-name" name="name" type="text" maxlength="40" required value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>{{>NAME_ERROR}}</div>
  <div class="actions"><button type="submit">新增</button></div>
</form>
{{/CREATE}}
