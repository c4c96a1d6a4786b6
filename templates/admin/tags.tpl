{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>屬性標籤應修時數</h1>
<p class="hint">教師每年應修的時數由課程的屬性標籤計算（例如特殊教育 3 小時、家庭教育 4 小時）。每年應修時數留空表示此標籤不設應修時數；「幼兒園教保服務人員」只計入教師資料註記為幼兒園教保人員者的進度。教師的研習紀錄頁即時依此顯示進度。</p>
{{#REFUSED}}<p class="form-error" role="alert" id="form-errors"><a href="#tag-row-{{REFUSED_ID}}">「{{REFUSED_TAG}}」</a>的設定沒有變更：請見該列欄位旁的說明，您輸入的內容都已保留。</p>{{/REFUSED}}
<div class="table-wrap">
<table class="tags stack">
  <caption class="visually-hidden">屬性標籤與應修時數</caption>
  <thead><tr><th scope="col">屬性標籤</th><th scope="col">每年應修時數</th><th scope="col">適用對象</th><th scope="col">儲存</th></tr></thead>
  <tbody>
  {{#TAG}}<tr id="tag-row-{{ID}}">
    <th scope="row">{{NAME}}</th>
    <td data-label="每年應修時數"><label for="hours-{{ID}}" class="visually-hidden">{{NAME}} 每年應修時數</label><input id="hours-{{ID}}" name="yearly_hours" type="text" inputmode="numeric" value="{{YEARLY_HOURS}}" size="4" placeholder="不設" form="tag-{{ID}}"{{#YEARLY_HOURS_INVALID}} aria-describedby="yearly_hours-error" aria-invalid="true"{{/YEARLY_HOURS_INVALID}}>{{>YEARLY_HOURS_ERROR}}</td>
    <td data-label="適用對象"><label for="audience-{{ID}}" class="visually-hidden">{{NAME}} 適用對象</label><select id="audience-{{ID}}" name="applies_to" form="tag-{{ID}}"{{#APPLIES_TO_INVALID}} aria-describedby="applies_to-error" aria-invalid="true"{{/APPLIES_TO_INVALID}}>{{#AUDIENCE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUDIENCE}}</select>{{>APPLIES_TO_ERROR}}</td>
    <td data-label="">
      <form method="post" action="{{URL}}" id="tag-{{ID}}" class="county-form">
        <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
        <button type="submit" class="secondary">儲存<span class="visually-hidden"> {{NAME}}</span></button>
      </form>
    </td>
  </tr>{{/TAG}}
  </tbody>
</table>
</div>
