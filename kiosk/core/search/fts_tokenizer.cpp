#include "core/search/fts_tokenizer.h"

#include "core/store/database.h"
#include "core/util/text.h"

#include <libstemmer.h>

#include <cstring>
#include <memory>
#include <new>

namespace vt {

namespace {

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        throw StoreError(std::string("FTS5 is not available: ") + sqlite3_errmsg(db));
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api) throw StoreError("FTS5 is not available in this SQLite");
    return api;
}

// Words longer than this are indexed as they are (Snowball gains nothing on them).
constexpr int kMaxStemBytes = 64;

struct StemTokenizer {
    fts5_tokenizer base{};
    Fts5Tokenizer* baseInstance = nullptr;
    sb_stemmer* stemmer = nullptr;
    ~StemTokenizer() {
        if (baseInstance) base.xDelete(baseInstance);
        if (stemmer) sb_stemmer_delete(stemmer);
    }
};

struct ForwardContext {
    StemTokenizer* tok;
    void* ctx;
    int (*xToken)(void*, int, const char*, int, int, int);
    bool stem;
};

int forwardToken(void* p, int tflags, const char* token, int n, int start, int end) {
    auto* fc = static_cast<ForwardContext*>(p);
    if (!fc->stem || n <= 0 || n > kMaxStemBytes) return fc->xToken(fc->ctx, tflags, token, n, start, end);
    const sb_symbol* s = sb_stemmer_stem(fc->tok->stemmer, reinterpret_cast<const sb_symbol*>(token), n);
    if (!s) return SQLITE_NOMEM;
    return fc->xToken(fc->ctx, tflags, reinterpret_cast<const char*>(s), sb_stemmer_length(fc->tok->stemmer),
                      start, end);
}

int stemCreate(void* apiPtr, const char** azArg, int nArg, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(apiPtr);
    const char* language = nArg > 0 ? azArg[0] : "italian";
    auto tok = std::unique_ptr<StemTokenizer>(new (std::nothrow) StemTokenizer());
    if (!tok) return SQLITE_NOMEM;
    void* userData = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &userData, &tok->base);
    if (rc != SQLITE_OK) return rc;
    const char* baseArgs[] = {"remove_diacritics", "2"};
    rc = tok->base.xCreate(userData, baseArgs, 2, &tok->baseInstance);
    if (rc != SQLITE_OK) return rc;
    tok->stemmer = sb_stemmer_new(language, "UTF_8");
    if (!tok->stemmer) return SQLITE_ERROR;
    *out = reinterpret_cast<Fts5Tokenizer*>(tok.release());
    return SQLITE_OK;
}

void stemDelete(Fts5Tokenizer* t) {
    delete reinterpret_cast<StemTokenizer*>(t);
}

int stemTokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
                 int (*xToken)(void*, int, const char*, int, int, int)) {
    auto* tok = reinterpret_cast<StemTokenizer*>(t);
    ForwardContext fc{tok, ctx, xToken, (flags & FTS5_TOKENIZE_PREFIX) == 0};
    return tok->base.xTokenize(tok->baseInstance, &fc, flags, text, n, forwardToken);
}

int collectToken(void* p, int, const char* token, int n, int, int) {
    static_cast<std::vector<std::string>*>(p)->emplace_back(token, static_cast<size_t>(n));
    return SQLITE_OK;
}

int collectSpan(void* p, int, const char* token, int n, int start, int end) {
    static_cast<std::vector<WordSpan>*>(p)->push_back(
        {std::string(token, static_cast<size_t>(n)), start, end});
    return SQLITE_OK;
}

struct UntilContext {
    std::vector<WordSpan> spans;
    const std::function<bool(const std::vector<WordSpan>&)>* enough;
};

int collectSpanUntil(void* p, int, const char* token, int n, int start, int end) {
    auto* c = static_cast<UntilContext*>(p);
    c->spans.push_back({std::string(token, static_cast<size_t>(n)), start, end});
    return (*c->enough)(c->spans) ? SQLITE_DONE : SQLITE_OK;  // any other code stops the tokenizer
}

template <typename Out>
void runUnicode61(sqlite3* db, std::string_view text, Out* out,
                  int (*cb)(void*, int, const char*, int, int, int)) {
    fts5_api* api = fts5Api(db);
    fts5_tokenizer base{};
    void* userData = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &userData, &base) != SQLITE_OK)
        throw StoreError("no unicode61");
    const char* args[] = {"remove_diacritics", "2"};
    Fts5Tokenizer* inst = nullptr;
    if (base.xCreate(userData, args, 2, &inst) != SQLITE_OK) throw StoreError("cannot create unicode61");
    base.xTokenize(inst, out, FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()), cb);
    base.xDelete(inst);
}

}  // namespace

std::vector<WordSpan> tokenizeWithOffsets(sqlite3* db, std::string_view text) {
    std::vector<WordSpan> spans;
    runUnicode61(db, text, &spans, collectSpan);
    return spans;
}

std::vector<WordSpan> tokenizeWithOffsetsUntil(
    sqlite3* db, std::string_view text, const std::function<bool(const std::vector<WordSpan>&)>& enough) {
    UntilContext c{{}, &enough};
    runUnicode61(db, text, &c, collectSpanUntil);
    return std::move(c.spans);
}

void registerSearchTokenizers(sqlite3* db) {
    fts5_api* api = fts5Api(db);
    fts5_tokenizer t{stemCreate, stemDelete, stemTokenize};
    if (api->xCreateTokenizer(api, "vetrina_stem", api, &t, nullptr) != SQLITE_OK)
        throw StoreError(std::string("cannot register the search tokenizer: ") + sqlite3_errmsg(db));
}

std::vector<std::string> tokenizeWords(sqlite3* db, std::string_view text) {
    const std::string clean = sanitizeUtf8(text);
    std::vector<std::string> words;
    runUnicode61(db, clean, &words, collectToken);
    return words;
}

std::string stemWord(std::string_view language, std::string_view word) {
    sb_stemmer* st = sb_stemmer_new(std::string(language).c_str(), "UTF_8");
    if (!st) return std::string(word);
    const sb_symbol* s =
        sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    std::string out =
        s ? std::string(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(st)))
          : std::string(word);
    sb_stemmer_delete(st);
    return out;
}

}  // namespace vt
