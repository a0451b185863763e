#include "ui/attachment_files.h"
#include "ui/i18n.h"

#include "core/albo/albo_purge.h"
#include "core/sync/attachment_fetch.h"
#include "core/util/italian_format.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace vt {

namespace {

bool iequalsSuffix(const std::string& s, const char* suffix) {
    const std::string_view suf(suffix);
    if (s.size() < suf.size()) return false;
    for (size_t i = 0; i < suf.size(); ++i) {
        char c = s[s.size() - suf.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != suf[i]) return false;
    }
    return true;
}

std::string percentDecoded(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The local path a URL names, or "" for anything remote.
std::string localPathOf(const std::string& url) {
    if (url.rfind("file://", 0) == 0) {
        std::string rest = url.substr(7);
        if (rest.rfind("localhost/", 0) == 0) rest = rest.substr(9);
        return rest.empty() || rest[0] != '/' ? std::string() : percentDecoded(rest);
    }
    return !url.empty() && url[0] == '/' ? url : std::string();
}

bool startsWithPdfMagic(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[5] = {};
    in.read(head, 5);
    return in.gcount() == 5 && std::string_view(head, 5) == "%PDF-";
}

// Only regular files: a feed naming /dev/zero or a FIFO must not reach the renderer.
bool isRegularFile(const std::string& path) {
    std::error_code ec;
    return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

}  // namespace

std::string attachmentFileName(const std::string& url) {
    const std::string path = url.substr(0, url.find_first_of("?#"));
    const size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    name = percentDecoded(name);
    return name.empty() ? url : name;
}

std::vector<AttachmentView> resolveAttachments(const Database& db, const Act& act) {
    std::vector<AttachmentView> out;
    std::vector<std::string> cached;
    if (!act.attachments.empty() && act.id > 0) cached = cachedFiles(db, act.id);
    for (const Attachment& at : act.attachments) {
        AttachmentView v;
        v.name = attachmentFileName(at.url);
        const bool pdfByName = at.mime == "application/pdf" || iequalsSuffix(v.name, ".pdf");
        if (pdfByName)
            v.detail = "PDF";
        else if (!at.mime.empty())
            v.detail = at.mime;
        if (at.length > 0) v.detail += (v.detail.empty() ? "" : ", ") + formatBytes(at.length, uiLanguage());

        std::string path = localPathOf(at.url);
        if (path.empty() && act.id > 0)
            path = cachedAttachmentPath(db, act.id, at.url);  // downloaded by the sync
        if (path.empty()) {
            for (const std::string& c : cached)
                if (std::filesystem::path(c).filename().string() == v.name) path = c;
            if (path.empty() && cached.size() == 1 && act.attachments.size() == 1) path = cached[0];
        }
        // A PDF by its declared type or name, or by its first bytes when the feed says nothing.
        if (isRegularFile(path) && (pdfByName || startsWithPdfMagic(path))) {
            v.localPath = path;
            if (v.detail.empty()) v.detail = "PDF";
        }
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace vt
