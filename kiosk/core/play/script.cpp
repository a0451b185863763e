#include "core/play/script.h"

#include "core/util/text.h"

#include <cstdlib>

namespace vt {

namespace {

// Reads a double-quoted string ("" inside for a quote); returns false when malformed.
bool readQuoted(std::string_view s, std::string& out) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
    out.clear();
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\\' && i + 2 < s.size()) {
            out += s[++i];
            continue;
        }
        out += s[i];
    }
    return true;
}

bool readNumbers(std::string_view s, float* out, int count) {
    std::string buf(s);
    const char* p = buf.c_str();
    for (int i = 0; i < count; ++i) {
        char* end = nullptr;
        out[i] = std::strtof(p, &end);
        if (end == p) return false;
        p = end;
    }
    while (*p == ' ' || *p == '\t') ++p;
    return *p == '\0';
}

bool readDuration(std::string_view s, double& seconds) {
    std::string v = trim(s);
    double scale = 1.0;
    if (endsWith(v, "ms"))
        scale = 0.001, v.resize(v.size() - 2);
    else if (endsWith(v, "s"))
        v.resize(v.size() - 1);
    else if (endsWith(v, "min"))
        scale = 60.0, v.resize(v.size() - 3);
    else if (endsWith(v, "h"))
        scale = 3600.0, v.resize(v.size() - 1);
    char* end = nullptr;
    const double n = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || n < 0 || n > 7 * 24 * 3600.0) return false;
    seconds = n * scale;
    return true;
}

}  // namespace

std::vector<PlayStep> parsePlayScript(std::string_view text, const std::string& sourceName) {
    std::vector<PlayStep> steps;
    int lineNo = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t nl = text.find('\n', pos);
        const std::string line =
            trim(text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos));
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        const size_t sp = line.find_first_of(" \t");
        const std::string verb = line.substr(0, sp);
        const std::string rest = sp == std::string::npos ? "" : trim(std::string_view(line).substr(sp));
        auto fail = [&](const std::string& why) {
            throw PlayScriptError(sourceName + ":" + std::to_string(lineNo) + ": " + why);
        };
        PlayStep st{PlayStep::Kind::Wait, lineNo, {}, 0, 0, 0, 0, 0};
        if (verb == "tap") {
            if (!rest.empty() && rest[0] == '"') {
                st.kind = PlayStep::Kind::TapLabel;
                if (!readQuoted(rest, st.text) || st.text.empty()) fail("tap needs a \"label\" or x y");
            } else {
                st.kind = PlayStep::Kind::TapPoint;
                float v[2];
                if (!readNumbers(rest, v, 2)) fail("tap needs a \"label\" or x y");
                st.x1 = v[0], st.y1 = v[1];
            }
        } else if (verb == "drag") {
            st.kind = PlayStep::Kind::Drag;
            float v[4];
            if (!readNumbers(rest, v, 4)) fail("drag needs x1 y1 x2 y2");
            st.x1 = v[0], st.y1 = v[1], st.x2 = v[2], st.y2 = v[3];
        } else if (verb == "hold") {
            st.kind = PlayStep::Kind::Hold;
            const size_t last = rest.find_last_of(" \t");
            float v[2];
            if (last == std::string::npos || !readNumbers(rest.substr(0, last), v, 2) ||
                !readDuration(rest.substr(last + 1), st.seconds) || st.seconds > 60)
                fail("hold needs x y and a duration such as 6s");
            st.x1 = v[0], st.y1 = v[1];
        } else if (verb == "wait") {
            st.kind = PlayStep::Kind::Wait;
            if (!readDuration(rest, st.seconds)) fail("wait needs a duration such as 2s, 500ms or 5min");
        } else if (verb == "expect" || verb == "expect-not") {
            st.kind = verb == "expect" ? PlayStep::Kind::Expect : PlayStep::Kind::ExpectNot;
            if (!readQuoted(rest, st.text) || st.text.empty()) fail(verb + " needs a \"text\"");
        } else if (verb == "shot") {
            st.kind = PlayStep::Kind::Shot;
            st.text = rest;
            if (st.text.empty() || st.text.find_first_of("/\\ ") != std::string::npos)
                fail("shot needs a file name without spaces or slashes");
        } else {
            fail("unknown step \"" + verb + "\" (tap, drag, hold, wait, expect, expect-not, shot)");
        }
        steps.push_back(std::move(st));
    }
    return steps;
}

}  // namespace vt
