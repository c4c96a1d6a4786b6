{{%AUTOESCAPE context="HTML"}}<h1 class="visually-hidden">全國教師在職進修資訊網</h1>
<section class="search-box" aria-labelledby="search-heading">
  <h2 id="search-heading">找研習</h2>
  <form method="get" action="{{SEARCH_URL}}" role="search">
    <label for="home-q">關鍵字（課程名稱、內容、開課單位）</label>
    <div class="row">
      <input id="home-q" name="q" type="search" maxlength="100" placeholder="例如：閱讀素養">
      <button type="submit">搜尋</button>
    </div>
    <p><a href="{{SEARCH_URL}}">進階搜尋</a></p>
  </form>
</section>

<section aria-labelledby="bulletin-heading">
  <h2 id="bulletin-heading">公佈欄</h2>
  <ul class="bulletins">
  {{#BULLETIN}}
    <li><span class="date">{{DATE}}</span> {{#PINNED}}<span class="badge">置頂</span> {{/PINNED}}<a href="{{URL}}"><strong>{{TITLE}}</strong></a><p>{{SUMMARY}}</p></li>
  {{/BULLETIN}}
  </ul>
  <p><a href="{{BULLETIN_URL}}">更多公告</a></p>
</section>

<section aria-labelledby="newest-heading">
  <h2 id="newest-heading">最新研習</h2>
  {{#NO_COURSES}}<p>目前沒有公開的研習。</p>{{/NO_COURSES}}
  <ul class="courses">
  {{#COURSE}}
    <li>
      <a href="{{URL}}">{{TITLE}}</a>
      <span class="meta">{{UNIT}}（{{COUNTY}}）｜{{FIRST_DATE}}–{{LAST_DATE}}｜{{HOURS}}｜代碼 {{CODE}}</span>
      <span class="course-status" data-public-status="{{STATUS_CODE}}">{{STATUS}}</span>{{#SEATS}}<span class="badge">剩 {{SEATS_LEFT}} 名</span>{{/SEATS}}
    </li>
  {{/COURSE}}
  </ul>
</section>
