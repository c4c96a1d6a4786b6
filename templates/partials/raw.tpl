{{%AUTOESCAPE context="HTML"}}{{! HTML rendered earlier by an auto-escaping template (a cached page body). }}{{HTML:none}}
