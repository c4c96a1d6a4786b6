{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}｜全國教師在職進修資訊網</title>
<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">跳到主要內容</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="{{HOME_URL}}">全國教師在職進修資訊網</a>
    <nav aria-label="主要選單">
      <ul>
        <li><a href="{{SEARCH_URL}}">研習搜尋</a></li>
        <li><a href="{{BULLETIN_URL}}">公佈欄</a></li>
        <li><a href="{{FAQ_URL}}">問答集</a></li>
        <li><a href="{{DOWNLOADS_URL}}">下載專區</a></li>
        {{#ANONYMOUS}}<li><a href="{{SIGNUP_URL}}">申請帳號</a></li><li><a href="{{LOGIN_URL}}">登入</a></li>{{/ANONYMOUS}}
        {{#SIGNED_IN}}
        <li><a href="{{MY_HOME_URL}}">{{MY_HOME_LABEL}}</a></li>
        {{#ROLE_LINK}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/ROLE_LINK}}
        <li class="user">{{USER_NAME}}</li>
        <li>
          <form method="post" action="{{LOGOUT_URL}}" class="inline">
            <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
            <button type="submit" class="link-button">登出</button>
          </form>
        </li>
        {{/SIGNED_IN}}
      </ul>
    </nav>
  </div>
</header>
<div class="print-header">
  <p><span class="print-site">全國教師在職進修資訊網</span><span class="print-title">{{TITLE}}</span>{{#HAS_PRINT_DATE}}<span class="print-date">列印日期 {{PRINT_DATE}}</span>{{/HAS_PRINT_DATE}}</p>
</div>
<main id="main" class="wrap">
{{#HAS_FLASH}}<p class="flash" role="status">{{FLASH}}</p>{{/HAS_FLASH}}
{{>BODY}}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>教育部 全國教師在職進修資訊網　日期以民國紀年顯示</p>
    <p><a href="{{UNIT_ACCOUNTS_URL}}">各校業務帳號人員查詢</a>　<a href="{{ORGANISATION_URL}}">組織架構（審課單位）</a>　<a href="{{SITEMAP_URL}}">網頁導覽</a></p>
    <p><a href="{{PARTNER_APPLY_URL}}">帳號漫遊合作申請（合作網站）</a>{{#SIGNED_IN}}　<a href="{{FEEDBACK_URL}}">意見交流</a>　<a href="{{PASSWORD_URL}}">變更登入密碼</a>{{#PROFILE}}　<a href="{{PROFILE_URL}}">修改個人基本資料</a>{{/PROFILE}}{{#BUSINESS}}　<a href="{{SECOND_FACTOR_URL}}">雙因素驗證</a>{{/BUSINESS}}{{/SIGNED_IN}}</p>
  </div>
</footer>
</body>
</html>
