// The few pieces of Markdown the generated reference pages are made of (MkDocs' Python-Markdown
// reads them): escaped table cells, code spans and tables.
#pragma once

#include <string>
#include <vector>

namespace tpegen::docs {

/// Prose for a table cell or a paragraph: Markdown's special characters escaped outside
/// `code spans` (which the help texts use for commands), line breaks and pipes made safe.
std::string text(const std::string& prose);

/// The prose as a sentence: a full stop added unless it ends with one.
std::string sentence(const std::string& prose);

/// A value: a code span when it is one word ("8", "booth"), else prose ("per architecture").
std::string value(const std::string& v);

/// A code span: `value` ("" stays empty).
std::string code(const std::string& v);

/// A table with a header row; every cell is used as given (escape it with text() or code()).
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

/// The first line of every generated page: where it comes from and how to regenerate it
/// (`tpegen docs` refuses to overwrite a file that does not start with it).
extern const char* const kGeneratedMark;

}  // namespace tpegen::docs
