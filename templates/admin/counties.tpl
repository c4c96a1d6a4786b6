{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>縣市登錄與燈號設定</h1>
<p class="hint">登錄期限：研習須於第一場次幾天前登錄（第12條）。逾期天數：研習結束幾天後仍未結案即計入單位燈號。紅燈門檻：逾期課程達幾堂即紅燈並暫停課程登錄。</p>
{{#REFUSED}}<p class="form-error" role="alert" id="form-errors"><a href="#row-{{REFUSED_ID}}">{{REFUSED_COUNTY}}</a>的設定沒有變更：請見該列欄位旁的說明，您輸入的數字都已保留。</p>{{/REFUSED}}
<div class="table-wrap">
<table class="counties stack">
  <caption class="visually-hidden">各縣市設定</caption>
  <thead><tr><th scope="col">縣市</th><th scope="col">登錄期限（天）</th><th scope="col">逾期天數</th><th scope="col">紅燈門檻（堂）</th><th scope="col">儲存</th></tr></thead>
  <tbody>
  {{#COUNTY}}<tr id="row-{{ID}}">
    <th scope="row">{{NAME}}</th>
    <td data-label="登錄期限（天）"><label for="min-{{ID}}" class="visually-hidden">{{NAME}} 登錄期限（天）</label><input id="min-{{ID}}" name="min_days" type="text" inputmode="numeric" value="{{MIN_DAYS}}" size="3" form="county-{{ID}}"{{#MIN_DAYS_INVALID}} aria-describedby="min_days-error" aria-invalid="true"{{/MIN_DAYS_INVALID}}>{{>MIN_DAYS_ERROR}}</td>
    <td data-label="逾期天數"><label for="grace-{{ID}}" class="visually-hidden">{{NAME}} 逾期天數</label><input id="grace-{{ID}}" name="grace_days" type="text" inputmode="numeric" value="{{GRACE_DAYS}}" size="3" form="county-{{ID}}"{{#GRACE_DAYS_INVALID}} aria-describedby="grace_days-error" aria-invalid="true"{{/GRACE_DAYS_INVALID}}>{{>GRACE_DAYS_ERROR}}</td>
    <td data-label="紅燈門檻（堂）"><label for="red-{{ID}}" class="visually-hidden">{{NAME}} 紅燈門檻（堂）</label><input id="red-{{ID}}" name="red_threshold" type="text" inputmode="numeric" value="{{RED_THRESHOLD}}" size="3" form="county-{{ID}}"{{#RED_THRESHOLD_INVALID}} aria-describedby="red_threshold-error" aria-invalid="true"{{/RED_THRESHOLD_INVALID}}>{{>RED_THRESHOLD_ERROR}}</td>
    <td data-label="">
      <form method="post" action="{{URL}}" id="county-{{ID}}" class="county-form">
        <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
        <button type="submit" class="secondary">儲存<span class="visually-hidden"> {{NAME}}</span></button>
      </form>
    </td>
  </tr>{{/COUNTY}}
  </tbody>
</table>
</div>
