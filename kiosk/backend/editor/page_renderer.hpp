#pragma once
// Server-side pages from Mustache templates (mstch, Debian's libmstch-dev): {{value}} is
// HTML-escaped, so whatever staff or content put into a field shows as text. Only the layout's
// {{{body}}} is unescaped, and it holds a template's own output. Templates are compiled into
// the program (cmake/embed_files.cmake) from kiosk/backend/editor/templates/.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kiosk::backend {

// Template `name` (without ".mustache") with `context`, other templates available as partials.
std::string render_template(const std::string& name, const nlohmann::json& context);
// The same inside layout.mustache; `context` is given to both (title, user, t, notice, alert).
std::string render_page(const std::string& name, const nlohmann::json& context);
// A static file compiled in (editor.js, editor.css), or nullopt.
std::optional<std::string> editor_static_file(const std::string& name);

}  // namespace kiosk::backend
