// A small HTTP/1.1 server on 127.0.0.1 for the benches: one file at one path, with ETag and
// If-None-Match (so a sync that finds nothing new gets a 304), one request per connection. It
// notes when each version of the file was first sent in full (the alert bench's "reached").
#pragma once

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace vt {

class FeedServer {
public:
    explicit FeedServer(std::string path) : m_path(std::move(path)) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::listen(m_fd, 16) != 0)
            throw std::runtime_error("bench: cannot listen on 127.0.0.1");
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~FeedServer() {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    int port() const { return m_port; }
    void publish(std::string body) {
        std::lock_guard lock(m_mutex);
        m_body = std::move(body);
        ++m_version;
    }
    int version() {
        std::lock_guard lock(m_mutex);
        return m_version;
    }
    std::optional<std::chrono::steady_clock::time_point> firstServed(int version) {
        std::lock_guard lock(m_mutex);
        auto it = m_served.find(version);
        if (it == m_served.end()) return std::nullopt;
        return it->second;
    }

private:
    void serve() {
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0) continue;
            timeval tv{2, 0};
            ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            std::string req;
            char buf[2048];
            ssize_t n;
            while (req.find("\r\n\r\n") == std::string::npos && req.size() < 16384 &&
                   (n = ::recv(c, buf, sizeof buf, 0)) > 0)
                req.append(buf, static_cast<size_t>(n));
            answer(c, req);
            ::close(c);
        }
    }
    void answer(int c, const std::string& req) {
        std::string reply;
        {
            std::lock_guard lock(m_mutex);
            const std::string etag = "\"v" + std::to_string(m_version) + "\"";
            std::string ifNoneMatch;
            for (const char* h : {"If-None-Match: ", "if-none-match: "})
                if (const size_t at = req.find(h); at != std::string::npos)
                    ifNoneMatch = req.substr(at + std::strlen(h), req.find("\r\n", at) - at - std::strlen(h));
            if (req.rfind("GET " + m_path + " ", 0) != 0) {
                reply = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            } else if (ifNoneMatch == etag) {
                reply = "HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\nConnection: close\r\n\r\n";
            } else {
                reply =
                    "HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: " +
                    std::to_string(m_body.size()) + "\r\nETag: " + etag + "\r\nConnection: close\r\n\r\n" +
                    m_body;
                m_served.emplace(m_version, std::chrono::steady_clock::now());
            }
        }
        for (size_t sent = 0; sent < reply.size();) {
            const ssize_t n = ::send(c, reply.data() + sent, reply.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) break;
            sent += static_cast<size_t>(n);
        }
    }

    std::string m_path;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::string m_body;
    int m_version = 0;
    std::map<int, std::chrono::steady_clock::time_point> m_served;
    std::thread m_thread;
};

}  // namespace vt
