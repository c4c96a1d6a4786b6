{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回單位管理</a></p>
<h1>{{NAME}}</h1>
<dl class="facts" data-unit="{{CODE}}">
  <dt>單位代碼</dt><dd>{{CODE}}</dd>
  <dt>新登錄課程的審課單位</dt><dd><span id="reviewer">{{REVIEWER}}</span>（{{ROUTE_REASON}}）</dd>
  <dt>尚未結案的課程</dt><dd><span id="open-courses">{{OPEN_COURSES}}</span> 門，各自維持登錄時的審課單位</dd>
</dl>
<p class="hint" id="keeps-reviewer">課程的審課單位在登錄時即已確定：變更本單位的層級、縣市、所屬主管機關或審課單位，只影響之後登錄的課程；已登錄的課程（包括尚未結案者）仍由原審課單位審核課程與名單。</p>
{{#AS_REVIEWER}}<section aria-labelledby="as-reviewer-heading">
<h2 id="as-reviewer-heading">本單位是審課單位</h2>
<p>目前由本單位審核、尚未結案的課程 <span id="reviewed-open">{{REVIEWED_OPEN}}</span> 門；以本單位為所屬主管機關或指定審課單位的單位 <span id="dependants">{{DEPENDANTS}}</span> 個。本單位審核哪些單位，見<a href="{{ORGANISATION_URL}}">組織架構</a>（依目前資料即時產生）。</p>
</section>{{/AS_REVIEWER}}

{{#FACTS}}<section aria-labelledby="facts-heading">
<h2 id="facts-heading">基本資料</h2>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FACTS_FIELDS}}
  <div class="actions"><button type="submit">儲存基本資料</button></div>
</form>
</section>{{/FACTS}}

{{#ROUTING}}<section aria-labelledby="routing-heading">
<h2 id="routing-heading">審課設定（第11條）</h2>
<p class="hint">所屬主管機關：依第11條由主管機關審課的單位（國立及私立高中職、特教學校，教師研習中心）送此機關。指定審課單位：由系統管理員指定時，優先於第11條的判定。縣市教育局處審核所在縣市依第11條應由縣市審核的單位。</p>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <div class="field"><label for="authority_unit_id">所屬主管機關</label><select id="authority_unit_id" name="authority_unit_id"{{#AUTHORITY_UNIT_ID_INVALID}} aria-describedby="authority_unit_id-error" aria-invalid="true"{{/AUTHORITY_UNIT_ID_INVALID}}>{{#AUTHORITY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUTHORITY_OPTION}}</select>{{>AUTHORITY_UNIT_ID_ERROR}}</div>
  <div class="field"><label for="review_unit_id">指定審課單位</label><select id="review_unit_id" name="review_unit_id"{{#REVIEW_UNIT_ID_INVALID}} aria-describedby="review_unit_id-error" aria-invalid="true"{{/REVIEW_UNIT_ID_INVALID}}>{{#OVERRIDE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OVERRIDE_OPTION}}</select>{{>REVIEW_UNIT_ID_ERROR}}</div>
  <div class="field checkbox"><input id="is_review_unit" name="is_review_unit" type="checkbox" value="1"{{#IS_REVIEW_UNIT_CHECKED}} checked{{/IS_REVIEW_UNIT_CHECKED}}{{#IS_REVIEW_UNIT_INVALID}} aria-describedby="is_review_unit-error" aria-invalid="true"{{/IS_REVIEW_UNIT_INVALID}}><label for="is_review_unit">本單位為審課單位（教育局處、國教署、全國推廣中心、區管中心等；可有審課人員帳號，列於組織架構）</label>{{>IS_REVIEW_UNIT_ERROR}}</div>
  <div class="field"><label for="review_role">第11條審課角色</label><select id="review_role" name="review_role"{{#REVIEW_ROLE_INVALID}} aria-describedby="review_role-error" aria-invalid="true"{{/REVIEW_ROLE_INVALID}}>{{#ROLE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>{{>REVIEW_ROLE_ERROR}}</div>
  <div class="actions"><button type="submit">儲存審課設定</button></div>
</form>
</section>{{/ROUTING}}

<section aria-labelledby="changes-heading">
<h2 id="changes-heading">異動紀錄</h2>
{{#NO_CHANGES}}<p class="empty">還沒有在這裡做過任何變更。</p>{{/NO_CHANGES}}
<div class="table-wrap">
<table class="changes stack">
  <caption class="visually-hidden">這個單位的異動紀錄</caption>
  <thead><tr><th scope="col">時間</th><th scope="col">由誰</th><th scope="col">做了什麼</th><th scope="col">內容</th></tr></thead>
  <tbody>
  {{#CHANGE}}<tr><td data-label="時間">{{AT}}</td><td data-label="由誰">{{WHO}}</td><td data-label="做了什麼">{{ACTION}}</td><td data-label="內容">{{DETAIL}}</td></tr>{{/CHANGE}}
  </tbody>
</table>
</div>
</section>
