// The course form (研習課程登錄): parse what was typed into a draft, and show it again.
#pragma once

#include <ctemplate/template.h>

#include <map>
#include <string>
#include <vector>

#include "core/request.h"
#include "courses/courses_sql.h"
#include "domain/course_rules.h"

namespace courses {

struct SessionInput {
  std::string date, start, end, breaks, place;
};

struct CourseForm {
  domain::CourseDraft draft;
  std::map<std::string, std::string> raw;  // single fields exactly as typed
  std::vector<SessionInput> sessions;      // session rows as typed
  std::vector<domain::FieldError> errors;  // what could not be read at all
  // What the button asked: "submit", or changing the session rows without saving (no JavaScript).
  std::string action = "submit";
  int remove_index = -1;
};

CourseForm parse_course_form(const core::Params& params);
CourseForm form_of_course(const sql::Course& course, const domain::CourseDraft& draft,
                          const std::vector<sql::SessionRow>& sessions);
// A blank form with the organizer as first contact.
CourseForm blank_form(const std::string& name, const std::string& phone, const std::string& email);

struct FormChoices {
  std::vector<sql::Choice> categories;
  std::vector<sql::Choice> tags;
};
// Fills templates/courses/form.tpl; `hours` is the 第10條 result to show, when known.
void fill_course_form(ctemplate::TemplateDictionary& dict, const CourseForm& form,
                      const std::vector<domain::FieldError>& errors, const FormChoices& choices,
                      const domain::CourseCheck* check);

}  // namespace courses
