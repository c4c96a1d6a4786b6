// The course form (研習課程登錄): what was typed, read into a draft, and shown again.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <vector>

#include "shared/reference.h"
#include "core/form.h"
#include "shared/course_store.h"
#include "courses/courses_sql.h"
#include "domain/course_rules.h"

namespace courses {

struct SessionInput {
  std::string date, start, end, breaks, place;
};

struct CourseForm {
  core::Form fields;                    // the single fields (kCourseFields) and every error
  domain::CourseDraft draft;
  std::vector<SessionInput> sessions;   // session rows as typed
  // What the button asked: "submit", or changing the session rows without saving (no JavaScript).
  std::string action = "submit";
  int remove_index = -1;
  CourseForm();
};

CourseForm parse_course_form(const core::Params& params);
CourseForm form_of_course(const course_store::Course& course, const domain::CourseDraft& draft,
                          const std::vector<course_store::Session>& sessions);
// A blank form with the organizer as first contact.
CourseForm blank_form(const std::string& name, const std::string& phone, const std::string& email);

struct FormChoices {
  std::vector<shared::reference::Choice> categories;
  std::vector<shared::reference::Choice> tags;
};
// Fills templates/courses/form.tpl; `check` is the 第10條 result to show, when known.
void fill_course_form(ctemplate::TemplateDictionary& dict, const CourseForm& form,
                      const FormChoices& choices, const domain::CourseCheck* check);

}  // namespace courses
