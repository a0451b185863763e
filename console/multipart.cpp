// multipart/form-data (RFC 7578) for the forms that carry a picture: parts split on the boundary,
// each with its name, file name and type; nothing is written to disk.
#include "http_server.h"

#include "core/util/text.h"

namespace vt::console {

namespace {

// The value of `key` in a header's parameters: boundary=XYZ, name="title".
std::string headerParam(std::string_view header, std::string_view key) {
    size_t at = 0;
    while ((at = header.find(key, at)) != std::string_view::npos) {
        const bool starts = at == 0 || header[at - 1] == ';' || header[at - 1] == ' ';
        const size_t eq = at + key.size();
        if (starts && eq < header.size() && header[eq] == '=') {
            size_t v = eq + 1;
            if (v < header.size() && header[v] == '"') {
                const size_t end = header.find('"', v + 1);
                return std::string(header.substr(v + 1, end == std::string_view::npos ? end : end - v - 1));
            }
            const size_t end = header.find(';', v);
            return trim(header.substr(v, end == std::string_view::npos ? end : end - v));
        }
        at = eq;
    }
    return "";
}

bool parseMultipart(std::string_view body, const std::string& boundary, Request& req) {
    if (boundary.empty() || boundary.size() > 70) return false;
    const std::string delimiter = "--" + boundary;
    size_t at = body.find(delimiter);
    if (at == std::string_view::npos) return false;
    for (int parts = 0; parts < 64; ++parts) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") return true;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return false;
        at += 2;
        const size_t headersEnd = body.find("\r\n\r\n", at);
        if (headersEnd == std::string_view::npos) return false;
        std::string disposition, type;
        for (size_t line = at; line < headersEnd;) {
            size_t end = body.find("\r\n", line);
            if (end > headersEnd) end = headersEnd;
            const std::string_view h = body.substr(line, end - line);
            const std::string lower = toLowerAscii(h.substr(0, h.find(':')));
            const std::string value =
                h.find(':') == std::string_view::npos ? "" : trim(h.substr(h.find(':') + 1));
            if (lower == "content-disposition") disposition = value;
            if (lower == "content-type") type = value;
            line = end + 2;
        }
        const size_t dataStart = headersEnd + 4;
        const size_t next = body.find("\r\n" + delimiter, dataStart);
        if (next == std::string_view::npos) return false;
        const std::string name = headerParam(disposition, "name");
        const std::string_view data = body.substr(dataStart, next - dataStart);
        if (!name.empty()) {
            if (disposition.find("filename=") != std::string::npos) {
                UploadedFile f{headerParam(disposition, "filename"), type, std::string(data)};
                if (!f.filename.empty() || !f.bytes.empty()) req.files.emplace(name, std::move(f));
            } else {
                req.form.emplace(name, std::string(data));
            }
        }
        at = next + 2;
    }
    return false;
}

}  // namespace

void parseRequestBody(Request& req) {
    const auto ct = req.headers.find("content-type");
    if (ct == req.headers.end()) return;
    const std::string type = toLowerAscii(ct->second);
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        req.form = parseFormEncoded(req.body);
    } else if (type.rfind("multipart/form-data", 0) == 0) {
        if (!parseMultipart(req.body, headerParam(ct->second, "boundary"), req)) {
            req.form.clear();
            req.files.clear();
        }
    }
}

}  // namespace vt::console
