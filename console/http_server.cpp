#include "http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace vt::console {

namespace {

// What one connection's request accumulates across the handler's calls (libmicrohttpd hands the
// body over in pieces).
struct Pending {
    std::string body;
    bool tooLarge = false;
};

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decodeComponent(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

MHD_Result collect(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* map = static_cast<std::map<std::string, std::string>*>(cls);
    std::string k = key ? key : "";
    map->emplace(std::move(k), value ? value : "");
    return MHD_YES;
}

MHD_Result collectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* map = static_cast<std::map<std::string, std::string>*>(cls);
    std::string k = key ? key : "";
    for (char& c : k)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    map->emplace(std::move(k), value ? value : "");
    return MHD_YES;
}

std::string peerAddress(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return "";
    char buf[INET6_ADDRSTRLEN] = {};
    if (info->client_addr->sa_family == AF_INET) {
        sockaddr_in a;
        std::memcpy(&a, info->client_addr, sizeof a);
        inet_ntop(AF_INET, &a.sin_addr, buf, sizeof buf);
    } else if (info->client_addr->sa_family == AF_INET6) {
        sockaddr_in6 a;
        std::memcpy(&a, info->client_addr, sizeof a);
        inet_ntop(AF_INET6, &a.sin6_addr, buf, sizeof buf);
    }
    return buf;
}

MHD_Result send(MHD_Connection* c, const Response& r) {
    MHD_Response* resp = MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()),
                                                         MHD_RESPMEM_MUST_COPY);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r.contentType.c_str());
    // The same strict headers on every answer: no script or style from anywhere else, no framing,
    // nothing cached (pages hold personal data and CSRF tokens).
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                            "frame-ancestors 'none'; base-uri 'none'");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    for (const auto& [k, v] : r.headers) MHD_add_response_header(resp, k.c_str(), v.c_str());
    const MHD_Result ret = MHD_queue_response(c, static_cast<unsigned>(r.status), resp);
    MHD_destroy_response(resp);
    return ret;
}

MHD_Result onRequest(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                     const char* uploadData, size_t* uploadSize, void** state) {
    auto* server = static_cast<HttpServer*>(cls);
    if (!*state) {  // first call: headers only
        *state = new Pending();
        return MHD_YES;
    }
    auto* p = static_cast<Pending*>(*state);
    if (*uploadSize) {
        if (p->body.size() + *uploadSize > server->maxBody())
            p->tooLarge = true;
        else
            p->body.append(uploadData, *uploadSize);
        *uploadSize = 0;
        return MHD_YES;
    }
    Request req;
    req.method = method ? method : "";
    req.path = url ? url : "/";
    MHD_get_connection_values(c, MHD_HEADER_KIND, collectHeader, &req.headers);
    MHD_get_connection_values(c, MHD_COOKIE_KIND, collect, &req.cookies);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &req.query);
    req.remote = peerAddress(c);
    req.bodyTooLarge = p->tooLarge;
    req.body = std::move(p->body);
    if (!req.bodyTooLarge) parseRequestBody(req);
    Response r;
    try {
        r = server->handler()(req);
    } catch (const std::exception&) {
        r = Response{};
        r.status = 500;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "Errore interno del server. / Internal server error.\n";
    }
    return send(c, r);
}

void onCompleted(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    delete static_cast<Pending*>(*state);
    *state = nullptr;
}

}  // namespace

std::map<std::string, std::string> parseFormEncoded(std::string_view body) {
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('&', start);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view pair = body.substr(start, end - start);
        if (!pair.empty()) {
            const size_t eq = pair.find('=');
            const std::string key = decodeComponent(pair.substr(0, eq));
            const std::string value =
                eq == std::string_view::npos ? "" : decodeComponent(pair.substr(eq + 1));
            out.emplace(key, value);
        }
        start = end + 1;
    }
    return out;
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::start(int port, int threads, size_t maxBody, Handler handler) {
    m_handler = std::move(handler);
    m_maxBody = maxBody;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    m_daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, 0, nullptr, nullptr, &onRequest,
        this, MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&addr), MHD_OPTION_THREAD_POOL_SIZE,
        static_cast<unsigned>(threads), MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, nullptr,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_LIMIT, 256u, MHD_OPTION_END);
    if (!m_daemon) {
        std::string msg = "cannot listen on 127.0.0.1:";
        msg += std::to_string(port);
        msg += " (port in use?)";
        throw std::runtime_error(msg);
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    m_port = info ? info->port : port;
}

void HttpServer::stop() {
    if (m_daemon) MHD_stop_daemon(m_daemon);
    m_daemon = nullptr;
}

}  // namespace vt::console
