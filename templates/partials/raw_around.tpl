{{%AUTOESCAPE context="HTML"}}{{! HTML rendered earlier by auto-escaping templates (a cached page body), around a part drawn now by one. }}{{BEFORE:none}}{{>INSERT}}{{AFTER:none}}
