// A small HTTP server over GNU libmicrohttpd: loopback only, a worker pool, bodies capped, and the
// security headers on every answer. Routing is the caller's: one handler gets whole requests.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

struct MHD_Daemon;

namespace vt::console {

// A file sent with a multipart/form-data form.
struct UploadedFile {
    std::string filename, contentType, bytes;
};

struct Request {
    std::string method, path;
    std::map<std::string, std::string> headers;  // names in lower case
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> form;    // urlencoded and multipart forms' text fields
    std::map<std::string, UploadedFile> files;  // multipart forms' files, by field name
    std::string body;
    std::string remote;  // the peer address (nginx's, behind the proxy)
    bool bodyTooLarge = false;
};

struct Response {
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

using Handler = std::function<Response(const Request&)>;

// "a=1&b=%C3%A8+x" -> {a: "1", b: "è x"}; later duplicates are ignored.
std::map<std::string, std::string> parseFormEncoded(std::string_view body);
// Fills `form` and `files` from `body` by its Content-Type (urlencoded or multipart/form-data).
// A multipart body that cannot be read leaves both empty, so its CSRF check fails.
void parseRequestBody(Request& req);

class HttpServer {
public:
    HttpServer() = default;
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Listens on 127.0.0.1:port (0: any free port). Throws std::runtime_error when it cannot.
    void start(int port, int threads, size_t maxBody, Handler handler);
    int port() const { return m_port; }
    void stop();

    // Internal: called by the libmicrohttpd callbacks.
    const Handler& handler() const { return m_handler; }
    size_t maxBody() const { return m_maxBody; }

private:
    MHD_Daemon* m_daemon = nullptr;
    Handler m_handler;
    size_t m_maxBody = 0;
    int m_port = 0;
};

}  // namespace vt::console
