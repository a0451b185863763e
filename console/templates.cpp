#include "templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace vt::console {

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::string msg = "cannot read ";
        msg += p.string();
        throw std::runtime_error(msg);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* const kRequired[] = {"head",    "foot",   "login",      "home",  "users", "audit",
                                 "message", "drafts", "draft_form", "draft", "field"};

}  // namespace

Templates Templates::load(const std::string& dir) {
    Templates t;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".mustache") t.m_text[e.path().stem().string()] = readFile(e.path());
    if (ec) throw std::runtime_error("cannot read the templates folder " + dir + ": " + ec.message());
    for (const char* name : kRequired)
        if (!t.m_text.count(name)) {
            std::string msg = "the templates folder ";
            msg += dir;
            msg += " has no ";
            msg += name;
            msg += ".mustache";
            throw std::runtime_error(msg);
        }
    t.m_css = readFile(fs::path(dir) / "console.css");
    for (const auto& [name, text] : t.m_text) {
        kainjow::mustache::mustache m(text);
        if (!m.is_valid()) {
            std::string msg = dir;
            msg += '/';
            msg += name;
            msg += ".mustache: ";
            msg += m.error_message();
            throw std::runtime_error(msg);
        }
    }
    return t;
}

std::string Templates::render(const std::string& name, PageData data) const {
    // The templates pages include: the page frame and a form's field.
    for (const char* partialName : {"head", "foot", "field"}) {
        const std::string* t = &m_text.at(partialName);
        data.set(partialName, kainjow::mustache::partial([t]() { return *t; }));
    }
    kainjow::mustache::mustache m(m_text.at(name));
    return m.render(data);
}

std::string findTemplatesDir(const std::string& configured) {
    if (!configured.empty()) return configured;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share/vetrina-console/templates";
        if (fs::exists(installed / "head.mustache", ec)) return installed.string();
    }
    return VETRINA_CONSOLE_TEMPLATES;
}

}  // namespace vt::console
